"""Phrasings of each frame written from the guidelines and from how Persian news and speeches say
these things (``phrasings.tsv``, none taken from a gold set), through the whole pipeline: a
sentence labelled with a frame must get it, one labelled ``none`` (foreign news, neutral reports,
goals, technical senses) must get no frame. The phrasings the rules still miss are marked
``known_miss`` and expected to fail, so that one the rules come to cover is noticed."""

import csv
from pathlib import Path

import pytest

from gofteman.explain import annotate_text
from gofteman.frames.docs import sentence_doc

PHRASINGS = Path(__file__).with_name("phrasings.tsv")
NO_FRAME = "none"


def phrasings() -> list:
    with PHRASINGS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [pytest.param(row["label"], row["text"], id=f"{row['label']}-{number}",
                         marks=[pytest.mark.xfail(strict=True, reason="a known miss")] if row["known_miss"] else [])
            for number, row in enumerate(rows, start=2)]


@pytest.mark.slow
@pytest.mark.parametrize("label, text", phrasings())
def test_a_phrasing_gets_its_frame(frames, label, text):
    labels = {span.label for sentence in annotate_text(text)
              for span in frames.rules.match(sentence_doc(frames.nlp.vocab, sentence))[0]}
    assert (not labels) if label == NO_FRAME else (label in labels), f"{label}: «{text}» got {sorted(labels)}"
