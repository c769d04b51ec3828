"""Label sets, read from ``schemas/`` (the one source): UPOS, entity types, frames."""

from __future__ import annotations

from functools import lru_cache

import yaml

from gofteman.constants import SCHEMAS_DIR

LABELS_PATH = SCHEMAS_DIR / "dataset" / "labels.yaml"
FRAME_RULES_PATH = SCHEMAS_DIR / "frames" / "rules.yaml"


@lru_cache(maxsize=1)
def _labels() -> dict:
    return yaml.safe_load(LABELS_PATH.read_text(encoding="utf-8"))


def upos_labels() -> list[str]:
    return list(_labels()["upos"])


def entity_types() -> list[str]:
    return list(_labels()["ner"])


def ner_tags() -> list[str]:
    """IOB2 tags, conll2003 style: ``O`` first, then ``B-X``, ``I-X`` per type."""
    return ["O", *[f"{prefix}-{label}" for label in entity_types() for prefix in ("B", "I")]]


@lru_cache(maxsize=1)
def frame_labels() -> list[str]:
    return list(yaml.safe_load(FRAME_RULES_PATH.read_text(encoding="utf-8"))["labels"])


def iob2_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """The entities of an IOB2 sequence as ``(label, start, end)``, in order; an ``I-`` that does
    not continue an entity of its label starts one."""
    spans, start, label = [], None, None
    for index, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and label == tag[2:]:
            continue
        if label is not None:
            spans.append((label, start, index))
        start, label = (index, tag[2:]) if tag != "O" else (None, None)
    return spans
