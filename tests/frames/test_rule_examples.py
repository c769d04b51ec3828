"""Every rule's own examples (``examples`` in schemas/frames/rules.yaml), through the whole
pipeline: an evidence rule must fire on each of ``fires`` and on none of ``not``; a veto must
remove evidence on each of ``fires`` and remove none on ``not``."""

import pytest

from gofteman.explain import annotate_text
from gofteman.frames.docs import sentence_doc
from gofteman.stages.frames import Frames

RULES = Frames.from_config().rules.rules
CASES = [(rule.id, expected, text) for rule in RULES.values()
         for expected, texts in (("fires", rule.examples["fires"]), ("not", rule.examples["not"])) for text in texts]


def outcome(frames: Frames, rule_id: str, text: str) -> bool:
    """Whether the rule fired (an evidence rule) or vetoed something (a veto) on the text."""
    hits = False
    for sentence in annotate_text(text):
        spans, misses = frames.rules.match(sentence_doc(frames.nlp.vocab, sentence))
        if frames.rules.rules[rule_id].kind == "veto":
            hits |= any(f"vetoed by {rule_id} " in miss.reason for miss in misses)
        else:
            hits |= any(span.rule == rule_id for span in spans)
    return hits


@pytest.mark.slow
@pytest.mark.parametrize("rule_id, expected, text", CASES, ids=[f"{r}-{e}-{i}" for i, (r, e, _) in enumerate(CASES)])
def test_rule_example(frames, rule_id, expected, text):
    assert outcome(frames, rule_id, text) == (expected == "fires"), f"{rule_id} on «{text}»"


def test_every_rule_has_examples_both_ways():
    assert all(rule.examples["fires"] and rule.examples["not"] for rule in RULES.values())
