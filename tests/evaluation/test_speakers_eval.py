"""The speaker evaluation's copy for the reference scorer, and the scorer run on it."""

import pytest

from gofteman import conllu
from gofteman.evaluation.speakers_eval import SCORER, score, scorer_copy
from tests.conftest import SHARED_DATA

SHARED = SHARED_DATA.parent  # SCORER is relative to the shared folder

SYSTEM = ("# newdoc id = D1\n# sent_id = D1-1\n# text = علی گفت: آب کم است.\n# speaker = علی رضایی\n"
          "1\tعلی\t_\t_\t_\t_\t_\t_\t_\t_\n"
          "2\tگفت\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
          "3\t:\t_\t_\t_\t_\t_\t_\t_\tSpacesAfter=\\s\\s\n"
          "4\tآب\t_\t_\t_\t_\t_\t_\t_\t_\n"
          "5\tکم\t_\t_\t_\t_\t_\t_\t_\t_\n"
          "6\tاست\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
          "7\t.\t_\t_\t_\t_\t_\t_\t_\tSpacesAfter=\\n\n\n")


def test_the_scorer_copy_carries_the_original_sentence_text(tmp_path):
    (tmp_path / "system").mkdir()
    (tmp_path / "system" / "D1.conllu").write_text(SYSTEM, encoding="utf-8")
    copy = scorer_copy(tmp_path / "system", tmp_path / "scored")
    sentence = conllu.read(copy / "D1.conllu")[0]
    assert sentence.comment("text") == "علی گفت:  آب کم است."
    assert sentence.comment("speaker") == "علی رضایی"
    assert [row[conllu.FORM] for row in sentence.words()] == ["علی", "گفت", ":", "آب", "کم", "است", "."]


@pytest.mark.skipif(not (SHARED / SCORER).exists(), reason=f"{SHARED / SCORER} not found (../shared absent)")
def test_a_sentence_with_two_spaces_is_found_by_the_reference_scorer(tmp_path):
    gold = tmp_path / "gold.tsv"
    gold.write_text("doc\tn\tpar\tsource\ttext\tspeaker\tmode\tcue\n"
                    "D1\t1\t0\tx\tعلی گفت:  آب کم است.\tعلی رضایی\tdirect\tگفت\n", encoding="utf-8")
    (tmp_path / "system").mkdir()
    (tmp_path / "system" / "D1.conllu").write_text(SYSTEM, encoding="utf-8")
    assert score(SHARED / SCORER, gold, tmp_path / "system")["f1"] == 0.0  # «# text» as UD writes it
    assert score(SHARED / SCORER, gold, scorer_copy(tmp_path / "system", tmp_path / "scored"))["f1"] == 1.0


def test_a_validation_score_counts_its_misses_and_lists_none():
    from gofteman.evaluation.speakers_eval import _unlisted

    scored = {"f1": 0.9, "misses": ["Q01-3: gold=a system=b", "Q02-1: gold=c system=_"]}
    assert _unlisted(scored) == {"f1": 0.9, "misses": 2}
