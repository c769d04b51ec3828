"""Frame labels of the committed corpus against the gold seed sentences (needs ../shared/eval)."""

import pytest

from gofteman.constants import PROJECT_DIR
from gofteman.evaluation.frames_eval import run_evaluation, scores

LABELS = ("hope", "threat", "achievement", "enemy")


def test_scores_per_frame_micro_and_macro():
    pairs = [({"hope"}, {"hope"}), ({"threat"}, {"hope", "threat"}), (set(), {"enemy"}), ({"achievement"}, set())]
    table = scores(pairs, LABELS)
    assert table["hope"] == (0.5, 1.0, pytest.approx(2 / 3))
    assert table["threat"] == (1.0, 1.0, 1.0)
    assert table["achievement"] == (0.0, 0.0, 0.0)
    assert table["micro"][:2] == (0.5, pytest.approx(2 / 3))


def test_seed_frames_reach_the_target(shared_data):
    result, files = run_evaluation(PROJECT_DIR / "corpus" / "conllu", shared_data.parent)
    seed = result["seed"]
    assert seed["sentences"] == 111 and files == [shared_data.parent / "eval" / "frames-seed-gold.tsv"]
    assert seed["frames"]["macro"]["f1"] >= 0.90
    for error in seed["errors"]:  # every wrong sentence, with what fired
        assert set(error["gold"]) != set(error["predicted"]) and error["text"]
