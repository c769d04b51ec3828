"""Segmentation scored with the CoNLL 2018 scorer on UD PerDT dev (needs ../shared/data)."""

from pipeline.evaluation.tokenize_eval import run_evaluation


def test_segmentation_follows_ud_persian(shared_data, tmp_path):
    table = run_evaluation(shared_data, tmp_path)
    scores = {line.split("|")[1].strip(): float(line.split("|")[4]) for line in table.splitlines()
              if line.startswith("| ") and line.split("|")[1].strip() in ("Tokens", "Sentences", "Words")}
    assert scores["Tokens"] >= 99.0
    assert scores["Sentences"] >= 98.0
    assert scores["Words"] >= 95.0  # multiword tokens (clitics) are split by the models, not here
