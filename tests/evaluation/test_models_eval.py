"""Entity scoring, and the shipped models measured on held-out data (needs ../shared/data)."""

import pytest

from gofteman import conllu
from gofteman.evaluation.models_eval import entities, entity_scores, score_ner, score_ud
from gofteman.training import data


def test_entities_of_iob2():
    assert entities(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]) == {
        ("PER", 0, 2), ("LOC", 3, 4), ("LOC", 4, 5), ("ORG", 5, 6)}


def test_entity_scores_count_exact_spans_only():
    gold = [["B-PER", "I-PER", "O", "B-ORG"]]
    predicted = [["B-PER", "O", "O", "B-ORG"]]
    scores = entity_scores(gold, predicted)
    assert scores["PER"][:3] == (0.0, 0.0, 0.0)
    assert scores["ORG"][:3] == (1.0, 1.0, 1.0)
    assert scores["micro"][:2] == (0.5, 0.5)


@pytest.mark.slow
def test_shipped_models_on_dev_data(shared_data, tmp_path):
    # a regression guard on development data (the held-out slice of PerDT dev; PEYMA and
    # ParsTwiNER dev): the test sets are scored once per release by make eval-models, not here
    sentences = conllu.read(shared_data / "ud" / "fa_perdt-ud-dev.conllu")[-150:]
    conllu.write(tmp_path / "perdt-dev-slice.conllu", sentences)
    ud = score_ud(tmp_path / "perdt-dev-slice.conllu", tmp_path)
    assert ud["UPOS"]["f1"] >= 0.90 and ud["LAS"]["f1"] >= 0.74 and ud["Lemmas"]["f1"] >= 0.93
    assert ud["Words"]["gold"] == sum(len(s.words()) for s in sentences)
    ner = score_ner([shared_data / name for name in data.NER_DEV])
    assert ner["micro"]["f1"] >= 0.65 and ner["micro"]["support"] > 1000
