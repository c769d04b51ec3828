"""What a stage's fingerprint reads: behaviour, not comments or docstrings."""

from gofteman.stages.base import behaviour_bytes

CODE = '''"""A module docstring."""

def split(text):  # a comment
    """Splits text."""
    return text.split()
'''


def test_comments_docstrings_and_layout_do_not_count(tmp_path):
    module = tmp_path / "rule.py"
    module.write_text(CODE, encoding="utf-8")
    before = behaviour_bytes(module)
    module.write_text(CODE.replace("A module docstring.", "Reworded.").replace("# a comment", "# why")
                      .replace("Splits text.", "Cuts text at whitespace."), encoding="utf-8")
    assert behaviour_bytes(module) == before
    module.write_text(CODE.replace("text.split()", "text.split(' ')"), encoding="utf-8")
    assert behaviour_bytes(module) != before


def test_configuration_is_read_as_data(tmp_path):
    config = tmp_path / "stage.yaml"
    config.write_text("# the batch\nbatch_size: 32\nmodels: shipped\n", encoding="utf-8")
    before = behaviour_bytes(config)
    config.write_text("models:   shipped   # which models\nbatch_size: 32\n", encoding="utf-8")
    assert behaviour_bytes(config) == before
    config.write_text("models: shipped\nbatch_size: 64\n", encoding="utf-8")
    assert behaviour_bytes(config) != before


def test_other_files_count_byte_for_byte(tmp_path):
    lexicon = tmp_path / "lexicon.tsv"
    lexicon.write_text("a\t1\n", encoding="utf-8")
    before = behaviour_bytes(lexicon)
    lexicon.write_text("a\t1 \n", encoding="utf-8")
    assert behaviour_bytes(lexicon) != before

