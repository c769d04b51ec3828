"""Frame labels scored against the gold sets (needs ../shared/eval for the seed's)."""

import pytest

from gofteman.constants import PROJECT_DIR
from gofteman.evaluation.frames_eval import (SEED_GOLD, GoldSentence, evaluate_set, annotated_sentences, read_gold,
                                             scores, seed_sentences)
from gofteman.stages.frames import Frames

LABELS = ("hope", "threat", "achievement", "enemy")


def test_scores_per_frame_micro_and_macro():
    pairs = [({"hope"}, {"hope"}), ({"threat"}, {"hope", "threat"}), (set(), {"enemy"}), ({"achievement"}, set())]
    table = scores(pairs, LABELS)
    assert table["hope"] == (0.5, 1.0, pytest.approx(2 / 3))
    assert table["threat"] == (1.0, 1.0, 1.0)
    assert table["achievement"] == (0.0, 0.0, 0.0)
    assert table["micro"][:2] == (0.5, pytest.approx(2 / 3))


@pytest.fixture(scope="module")
def stage():
    return Frames.from_config()


def test_sentences_from_raw_text_are_scored_with_rules_evidence_and_errors(stage, tmp_path):
    gold = [GoldSentence("N1", "news", "دشمنان ملت ایران ناکام ماندند. مردم پیروز شدند.", {"enemy", "achievement"},
                         {"enemy": ["دشمنان"], "achievement": ["ناکام ماندند"]}),
            GoldSentence("N2", "news", "نمایشگاه کتاب فردا آغاز به کار می‌کند.", set(), {}),
            GoldSentence("N3", "news", "امیدواریم سال آینده بهتر باشد.", {"hope"}, {"hope": ["امیدواریم"]})]
    documents = annotated_sentences(gold, tmp_path)
    assert len(documents[0]) == 2  # the pipeline split the first into two sentences; labels are their union
    result = evaluate_set(stage, gold, documents, "test")
    assert result["frames"]["enemy"]["f1"] == 1.0 and result["frames"]["hope"]["f1"] == 1.0
    assert result["rules"]["enemy-lexical"] == {"frame": "enemy", "fired": 1, "correct": 1, "precision": 1.0}
    assert result["evidence_overlap"]["share"] == 1.0
    wrong = {(e["id"], e["label"], e["kind"]) for e in result["errors"]}
    assert all(kind in ("miss", "false positive") for _, _, kind in wrong)


def test_seed_frames_reach_the_target(stage, shared_data):
    path = shared_data.parent / SEED_GOLD
    gold = read_gold(path, stage.rules.labels)
    result = evaluate_set(stage, gold, seed_sentences(gold, PROJECT_DIR / "corpus" / "conllu", path), "seed")
    assert result["sentences"] == 111 and result["frames"]["macro"]["f1"] >= 0.90
    assert result["evidence_overlap"]["share"] >= 0.80
    for error in result["errors"]:  # every wrong label, with what fired
        assert (error["label"] in error["gold"]) != (error["label"] in error["predicted"]) and error["text"]
