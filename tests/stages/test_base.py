"""What a stage's fingerprint reads: behaviour, not comments or docstrings."""

import pytest

from gofteman.stages.base import behaviour_bytes

CODE = '''"""A module docstring."""

def split(text):  # a comment
    """Splits text."""
    return text.split()
'''


@pytest.mark.parametrize("name, original, reworded, changed", [
    # Python: comments, docstrings and layout do not count
    ("rule.py", CODE, CODE.replace("A module docstring.", "Reworded.").replace("# a comment", "# why")
     .replace("Splits text.", "Cuts text at whitespace."), CODE.replace("text.split()", "text.split(' ')")),
    # configuration is read as data
    ("stage.yaml", "# the batch\nbatch_size: 32\nmodels: shipped\n", "models:   shipped   # which models\nbatch_size: 32\n",
     "models: shipped\nbatch_size: 64\n"),
])
def test_only_behaviour_counts(tmp_path, name, original, reworded, changed):
    path = tmp_path / name
    path.write_text(original, encoding="utf-8")
    before = behaviour_bytes(path)
    path.write_text(reworded, encoding="utf-8")
    assert behaviour_bytes(path) == before
    path.write_text(changed, encoding="utf-8")
    assert behaviour_bytes(path) != before


def test_other_files_count_byte_for_byte(tmp_path):
    lexicon = tmp_path / "lexicon.tsv"
    lexicon.write_text("a\t1\n", encoding="utf-8")
    before = behaviour_bytes(lexicon)
    lexicon.write_text("a\t1 \n", encoding="utf-8")
    assert behaviour_bytes(lexicon) != before

