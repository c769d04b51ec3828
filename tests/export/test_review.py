"""The frame review sheet: the corpus in the gold format, prefilled, scored back with --gold."""

import pytest

from gofteman.evaluation.frames_eval import evaluate_gold_file, read_gold
from gofteman.export.review import REVIEW_COLUMNS, write_review
from tests.workbench.conftest import DOC_A

LABELS = ("hope", "threat", "achievement", "enemy")


def test_the_sheet_holds_the_machines_labels_and_evidence_in_the_gold_format(tmp_path):
    (tmp_path / "conllu").mkdir()
    (tmp_path / "conllu" / "A.conllu").write_text(DOC_A, encoding="utf-8")
    out = tmp_path / "review.tsv"
    assert write_review(tmp_path / "conllu", out, LABELS) == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(REVIEW_COLUMNS)
    gold = read_gold(out, LABELS)
    assert [(g.sentence_id, g.doc_id, g.labels) for g in gold] == [
        ("A-1", "A", {"threat", "enemy"}), ("A-2", "A", {"hope"}), ("A-3", "A", {"enemy"})]
    assert gold[0].triggers == {"enemy": ["دشمن"], "threat": ["توطئه"]}
    assert gold[0].text == "دشمن توطئه کرد."


def test_an_empty_corpus_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no .conllu files"):
        write_review(tmp_path, tmp_path / "review.tsv", LABELS)


@pytest.mark.parametrize("row, problem", [("X1\tمتن\t2\t0\t0\t0", "0 or 1"), ("\tمتن\t0\t0\t0\t0", "an id")])
def test_a_bad_gold_row_is_located(tmp_path, row, problem):
    path = tmp_path / "gold.tsv"
    path.write_text("id\ttext\thope\tthreat\tachievement\tenemy\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"gold.tsv:2: .*{problem}"):
        read_gold(path, LABELS)


@pytest.mark.slow
def test_a_users_gold_file_is_scored_from_raw_text_with_every_error(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("id\ttext\thope\tthreat\tachievement\tenemy\n"
                    "M1\tامیدواریم سال آینده سال بهتری باشد.\t1\t0\t0\t0\n"
                    "M2\tنمایشگاه کتاب فردا آغاز می‌شود.\t0\t0\t0\t1\n", encoding="utf-8")
    result = evaluate_gold_file(path, tmp_path / "work")
    assert result["sentences"] == 2 and result["frames"]["hope"]["f1"] == 1.0
    assert [(e["id"], e["label"], e["kind"]) for e in result["errors"]] == [("M2", "enemy", "miss")]
