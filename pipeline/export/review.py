"""The corpus's sentences as a frame review sheet, in the gold format of ``../shared/eval``
(``id``, ``source``, ``text``, ``hope``, ``threat``, ``achievement``, ``enemy``, ``triggers``),
prefilled with the machine's labels and evidence, plus its ``confidence`` (read by nobody
scoring it). A linguist corrects the 0/1 columns and the triggers in a spreadsheet, and
``gofteman eval-frames --gold SHEET.tsv`` scores the rules on it from raw text.

``id`` is the sentence id and ``source`` its document; a tab or a line break inside a text
becomes a space, since the format has one sentence a line and no quoting.
"""

from __future__ import annotations

from pathlib import Path

from gofteman import conllu
from gofteman.frames.docs import format_confidence, read_frame_confidence, read_frames

REVIEW_COLUMNS = ("id", "source", "text", "hope", "threat", "achievement", "enemy", "triggers", "confidence")


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").splitlines())


def review_rows(doc_id: str, sentences: list[conllu.Sentence], labels: tuple[str, ...]) -> list[list[str]]:
    rows = []
    for sentence in sentences:
        found, spans = read_frames(sentence)
        text = conllu.rebuild_text([sentence])
        offsets = conllu.word_offsets([sentence])[0]
        triggers = [f"{span.label}:{_clean(text[offsets[span.start][0]:offsets[span.end - 1][1]])}" for span in spans]
        confidence = read_frame_confidence(sentence)
        rows.append([sentence.comment("sent_id") or "", doc_id, _clean(sentence.comment("text") or text.strip()),
                     *("1" if label in found else "0" for label in labels),
                     "; ".join(dict.fromkeys(triggers)), format_confidence(confidence) if confidence else "_"])
    return rows


def write_review(conllu_dir: Path, out: Path, labels: tuple[str, ...]) -> int:
    """Writes the sheet of every ``.conllu`` file of ``conllu_dir``; returns its sentence count."""
    if tuple(REVIEW_COLUMNS[3:7]) != labels:
        raise ValueError(f"the review sheet's label columns {REVIEW_COLUMNS[3:7]} are not the rule base's {labels}")
    paths = sorted(conllu_dir.glob("*.conllu"))
    if not paths:
        raise FileNotFoundError(f"{conllu_dir}: no .conllu files to review")
    lines = ["\t".join(REVIEW_COLUMNS)]
    for path in paths:
        lines += ["\t".join(row) for row in review_rows(path.stem, conllu.read(path), labels)]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1
