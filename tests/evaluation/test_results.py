"""Results as data: results/*.json written by the evaluations, the documents' tables rendered from them."""

import json

import pytest

from gofteman.evaluation.report import DOCUMENTS, render, render_documents
from gofteman.evaluation.results import MissingResultError, file_hash, read_result, write_result


def test_every_rendered_table_agrees_with_results():
    assert render_documents(check=True) == [], "run `make results` after an evaluation"


def test_every_document_shows_tables():
    assert all("<!-- results:" in path.read_text(encoding="utf-8") for path in DOCUMENTS)


@pytest.fixture
def tokenize_result(tmp_path):
    gold = tmp_path / "gold.conllu"
    gold.write_text("# text = x\n1\tx\t_\t_\t_\t_\t0\troot\t_\t_\n\n", encoding="utf-8")
    scores = {"tokenize": {"Tokens": {"f1": 0.98765, "precision": 1.0, "recall": 0.97}}}
    return write_result("tokenize", scores, "gofteman eval-tokenize", [gold], tmp_path / "results"), gold


def test_a_result_records_scores_command_data_code_and_date(tokenize_result):
    path, gold = tokenize_result
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["scores"]["tokenize"]["Tokens"]["f1"] == 0.98765
    assert record["command"] == "gofteman eval-tokenize"
    assert record["data"] == {"gold.conllu": file_hash(gold)}
    assert record["code"]["gofteman"] and record["date"][:2] == "20"


def test_a_marked_table_is_rendered_from_its_result_and_the_rest_kept(tokenize_result):
    path, _ = tokenize_result
    text = "Before.\n<!-- results:tokenize -->\nan old table\n<!-- /results -->\nAfter.\n"
    rendered = render(text, path.parent)
    assert rendered.startswith("Before.\n<!-- results:tokenize -->\n| after stage | Tokens |")
    assert "| tokenize | 98.77 |" in rendered and "an old table" not in rendered
    assert "`gofteman eval-tokenize`" in rendered and rendered.endswith("<!-- /results -->\nAfter.\n")
    assert render(rendered, path.parent) == rendered


def test_an_unknown_table_or_a_missing_result_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="README.md: unknown results table 'scores'"):
        render("<!-- results:scores -->\n<!-- /results -->\n", tmp_path, "README.md")
    with pytest.raises(MissingResultError, match="models.json: not measured yet"):
        read_result("models", tmp_path)


def test_the_readme_is_short_and_keeps_history_elsewhere():
    readme = DOCUMENTS[0]
    assert len(readme.read_text(encoding="utf-8").splitlines()) <= 250
    assert (readme.parent / "CHANGELOG.md").exists() and (readme.parent / "docs" / "experiments.md").exists()


def test_the_scale_table_shows_each_stage_at_each_size(tmp_path):
    run = {"input_sentences": 1000, "sentences": 999, "seconds": 20.0, "tokens": 24000,
           "tokens_per_second": 1200.0, "peak_memory_mb": 2000.0,
           "stages": {"normalize": {"seconds": 4.0, "tokens_per_second": 6000.0},
                      "tag": {"seconds": 6.0, "tokens_per_second": 4000.0}}}
    scores = {"machine": {"cpu_cores": 2, "memory_gb": 8}, "engine": "default", "runs": [run]}
    write_result("bench-scale", scores, "gofteman bench-scale", [], tmp_path)
    rendered = render("<!-- results:bench-scale -->\n<!-- /results -->\n", tmp_path)
    assert "| 999 | 20.0 s | 24,000 | 1,200 | 2,000 MB |" in rendered
    assert "| tokens/s: sentences | normalize | tag |" in rendered and "| 999 | 6,000 | 4,000 |" in rendered
