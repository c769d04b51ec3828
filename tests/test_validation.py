from pathlib import Path

from gofteman.validation import PLACEHOLDER_NOTE, validate_file, validate_files

GOOD = ("# newdoc id = d\n# newpar\n# sent_id = d-1\n# text = امید داریم.\n"
        "1\tامید\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "2\tداریم\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
        "3\t.\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\n")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_unparsed_file_passes_level_2_with_a_placeholder_tree(tmp_path):
    path = write(tmp_path, "good.conllu", GOOD)
    passed, report = validate_file(path)
    assert passed, report
    assert report.startswith(PLACEHOLDER_NOTE)
    assert path.read_text(encoding="utf-8") == GOOD  # the placeholders stay in the copy


def test_text_that_does_not_match_forms_fails(tmp_path):
    bad = write(tmp_path, "bad.conllu", GOOD.replace("# text = امید داریم.", "# text = امید داریم ."))
    [(path, report)] = validate_files([bad])
    assert path == bad
    assert "text-form-mismatch" in report


def test_parsed_file_gets_the_tree_tests(tmp_path):
    parsed = GOOD.replace("1\tامید\t_\t_\t_\t_\t_\t_", "1\tامید\t_\t_\t_\t_\t2\tobj")
    passed, report = validate_file(write(tmp_path, "parsed.conllu", parsed))
    assert not passed
    assert "invalid-deprel" in report or "unknown-deprel" in report or "head" in report
    assert not report.startswith(PLACEHOLDER_NOTE)


def test_unparsed_file_still_gets_misc_and_upos_tests(tmp_path):
    # a UPOS that is set is checked as it is; only "_" gets the placeholder
    bad = GOOD.replace("1\tامید\t_\t_", "1\tامید\t_\tNOUNISH").replace("SpaceAfter=No\n\n", "SpaceAfter=Yes\n\n")
    passed, report = validate_file(write(tmp_path, "bad.conllu", bad))
    assert not passed
    assert "unknown-upos" in report and "spaceafter-value" in report
