"""Segmentation scored with the CoNLL 2018 scorer on UD PerDT test (needs ../shared/data)."""

from gofteman.evaluation.tokenize_eval import METRICS, run_evaluation


def test_segmentation_follows_ud_persian(shared_data, tmp_path):
    result, _ = run_evaluation(shared_data, tmp_path)
    f1 = {stage: {metric: 100 * result[stage][metric]["f1"] for metric in METRICS} for stage in result}
    assert f1["tokenize"]["Tokens"] >= 99.0 and f1["tokenize"]["Sentences"] >= 98.0
    assert f1["mwt"]["Tokens"] == f1["tokenize"]["Tokens"]  # the mwt stage keeps the surface tokens
    assert f1["mwt"]["Words"] >= f1["tokenize"]["Words"] + 0.5  # clitics split as UD Persian does
