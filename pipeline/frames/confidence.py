"""Each frame rule's confidence: its precision on the training set, kept in a side table
(``schemas/frames/confidence.tsv``) keyed by rule id and written by ``make eval-frames``.

A rule's confidence is the share of the training sentences it fired on whose gold labels hold its
frame, smoothed by one right and one wrong guess, ``(correct + 1) / (fired + 2)``, so that a rule
seen twice does not claim certainty and one never seen stands at one half. A sentence label's
confidence is that of the most precise rule whose evidence remains for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from gofteman.constants import SCHEMAS_DIR

CONFIDENCE_PATH = SCHEMAS_DIR / "frames" / "confidence.tsv"
CONFIDENCE_HEADER = ("rule", "frame", "fired", "correct", "confidence")
#: digits a confidence is written with, in the table and in the corpus
CONFIDENCE_DIGITS = 2


class ConfidenceError(ValueError):
    """A confidence table that cannot be read, naming the file and line."""


def smoothed_precision(fired: int, correct: int) -> float:
    return (correct + 1) / (fired + 2)


def write_confidence(path: Path, rules: Iterable[tuple[str, str]], counts: Mapping[str, Mapping[str, int]],
                     source: str) -> None:
    """The table for ``rules`` (id, frame), from ``counts`` (rule -> fired, correct on train); a
    rule that never fired gets zero counts."""
    lines = [f"# written by `make eval-frames` from {source}: (correct + 1) / (fired + 2); do not edit",
             "\t".join(CONFIDENCE_HEADER)]
    for rule, frame in rules:
        fired, correct = counts.get(rule, {}).get("fired", 0), counts.get(rule, {}).get("correct", 0)
        lines.append(f"{rule}\t{frame}\t{fired}\t{correct}\t{smoothed_precision(fired, correct):.{CONFIDENCE_DIGITS}f}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_confidence(path: Path = CONFIDENCE_PATH) -> dict[str, float]:
    """Rule id -> confidence."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfidenceError(f"{path}: cannot read the rule confidences: {error} (`make eval-frames` writes them)") from None
    rows = [(number, line) for number, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not rows or tuple(rows[0][1].split("\t")) != CONFIDENCE_HEADER:
        raise ConfidenceError(f"{path}:{rows[0][0] if rows else 1}: expected the header {'<TAB>'.join(CONFIDENCE_HEADER)!r}")
    table = {}
    for number, line in rows[1:]:
        fields = line.split("\t")
        try:
            rule, _, fired, correct, confidence = fields
            table[rule] = float(confidence)
            if not (0 <= int(correct) <= int(fired)) or not 0 < table[rule] < 1:
                raise ValueError("counts or confidence out of range")
        except ValueError as error:
            raise ConfidenceError(f"{path}:{number}: expected rule, frame, fired, correct, confidence: {error}") from None
    return table


def label_confidence(spans: Iterable, table: Mapping[str, float]) -> dict[str, float]:
    """Each label's confidence: the highest of the rules whose evidence (``.label``, ``.rule``)
    remains for it."""
    best: dict[str, float] = {}
    for span in spans:
        best[span.label] = max(best.get(span.label, 0.0), table.get(span.rule, smoothed_precision(0, 0)))
    return best
