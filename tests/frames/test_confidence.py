"""Rule confidence: the side table written from train, read by the stage, and a label's confidence."""

import pytest

from gofteman.frames.confidence import (CONFIDENCE_PATH, ConfidenceError, label_confidence, read_confidence,
                                        smoothed_precision, write_confidence)
from gofteman.frames.rules import FrameSpan


def test_smoothed_precision_claims_no_certainty_from_few_cases():
    assert smoothed_precision(0, 0) == 0.5
    assert smoothed_precision(2, 2) == 0.75
    assert smoothed_precision(98, 98) == pytest.approx(0.99)
    assert smoothed_precision(10, 0) == pytest.approx(1 / 12)


def test_the_table_round_trips_and_lists_unfired_rules(tmp_path):
    path = tmp_path / "confidence.tsv"
    write_confidence(path, [("hope-a", "hope"), ("enemy-b", "enemy")], {"hope-a": {"fired": 8, "correct": 7}}, "test")
    assert read_confidence(path) == {"hope-a": 0.8, "enemy-b": 0.5}


@pytest.mark.parametrize("body, line", [("rule\tframe\n", 1), ("rule\tframe\tfired\tcorrect\tconfidence\nx\thope\t2\t3\t0.5\n", 2),
                                        ("rule\tframe\tfired\tcorrect\tconfidence\nx\thope\t2\n", 2)])
def test_a_broken_table_is_located(tmp_path, body, line):
    path = tmp_path / "confidence.tsv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfidenceError, match=f"confidence.tsv:{line}:"):
        read_confidence(path)


def test_a_label_takes_the_confidence_of_its_most_precise_rule():
    spans = [FrameSpan("hope", 0, 1, "weak"), FrameSpan("hope", 2, 3, "strong"), FrameSpan("enemy", 0, 1, "unknown")]
    assert label_confidence(spans, {"weak": 0.6, "strong": 0.9}) == {"hope": 0.9, "enemy": 0.5}


def test_the_shipped_table_has_every_evidence_rule_and_no_other(frames):
    table = read_confidence(CONFIDENCE_PATH)
    evidence = {rule.id for rule in frames.rules.rules.values() if rule.kind == "evidence"}
    assert set(table) == evidence, "rules changed since `make eval-frames` wrote schemas/frames/confidence.tsv"


def test_the_rules_match_without_the_table_and_labelling_names_it(tmp_path, monkeypatch):
    import gofteman.frames.confidence as confidence
    from gofteman.stages.frames import Frames

    monkeypatch.setattr(confidence, "CONFIDENCE_PATH", tmp_path / "missing.tsv")
    monkeypatch.setattr(confidence.read_confidence, "__defaults__", (tmp_path / "missing.tsv",))
    stage = Frames.from_config()  # the evaluation that writes the table builds the stage first
    with pytest.raises(ConfidenceError, match="missing.tsv: cannot read the rule confidences.*make eval-frames"):
        stage.confidence
