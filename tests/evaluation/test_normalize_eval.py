"""ZWNJ repair measured on UD PerDT dev (needs ../shared/data)."""

from gofteman.evaluation.normalize_eval import EVAL_FILE, evaluate
from gofteman.text.normalization import TextNormalizer
from gofteman.stages.normalize import Normalize


def test_repair_restores_most_lost_zwnjs_with_few_spurious(shared_data):
    config = Normalize.load_config()
    ours = evaluate(Normalize(**config).normalizer, shared_data / EVAL_FILE)
    stock = evaluate(TextNormalizer(config["hazm"], None), shared_data / EVAL_FILE)
    assert ours.boundaries == stock.boundaries > 1500
    assert ours.restored_share >= 0.90
    assert ours.spurious_share_of_words < 0.005
    assert stock.restored_share < 0.5 < ours.restored_share
