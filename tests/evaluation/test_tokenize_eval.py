"""Segmentation scored with the CoNLL 2018 scorer on UD PerDT test (needs ../shared/data)."""

from gofteman.evaluation.tokenize_eval import METRICS, run_evaluation


def test_segmentation_follows_ud_persian(shared_data, tmp_path):
    table = run_evaluation(shared_data, tmp_path)
    rows = {cells[0]: dict(zip(METRICS, map(float, cells[1:])))
            for cells in ([cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines())
            if cells[0] in ("tokenize", "mwt")}
    assert rows["tokenize"]["Tokens"] >= 99.0 and rows["tokenize"]["Sentences"] >= 98.0
    assert rows["mwt"]["Tokens"] == rows["tokenize"]["Tokens"]  # the mwt stage keeps the surface tokens
    assert rows["mwt"]["Words"] >= rows["tokenize"]["Words"] + 0.5  # clitics split as UD Persian does
