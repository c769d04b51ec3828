"""Scores sentence frame labels against the gold set (``make eval-frames``).

The gold file (``../shared/eval/frames-seed-gold.tsv``) has one row per sentence of a seed
document, with its text exactly as in the seed; the corpus sentences are matched to it by
document and text (``# text`` is the original sentence). Prints precision, recall and F1 per
frame, micro and macro F1, and every wrong sentence with the rules that fired and the near misses.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from gofteman import conllu
from gofteman.frames.docs import read_frames, sentence_doc

GOLD_FILE = "eval/frames-seed-gold.tsv"


@dataclass
class GoldSentence:
    sentence_id: str
    doc_id: str
    text: str
    labels: set[str]


def read_gold(path: Path, labels: tuple[str, ...]) -> list[GoldSentence]:
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
            try:
                gold = {label for label in labels if row[label].strip() == "1"}
                doc_id = row["source"].removeprefix("seed:")
                rows.append(GoldSentence(row["id"], doc_id, row["text"], gold))
            except (KeyError, AttributeError) as error:
                raise ValueError(f"{path}:{number}: missing column {error}") from None
    return rows


def scores(pairs: list[tuple[set[str], set[str]]], labels: tuple[str, ...]) -> dict[str, tuple[float, float, float]]:
    result, totals = {}, [0, 0, 0]
    for label in labels:
        tp = sum(label in gold and label in predicted for gold, predicted in pairs)
        fp = sum(label not in gold and label in predicted for gold, predicted in pairs)
        fn = sum(label in gold and label not in predicted for gold, predicted in pairs)
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        result[label] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    tp, fp, fn = totals
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    result["micro"] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    result["macro"] = tuple(sum(result[label][i] for label in labels) / len(labels) for i in range(3))
    return result


def run_evaluation(corpus_dir: Path, data_root: Path) -> tuple[dict, list[Path]]:
    """Per frame, micro and macro precision, recall and F1 of the corpus's sentence labels
    against the gold file; every wrong sentence with the rules that fired and the near misses."""
    from gofteman.stages.frames import Frames

    stage = Frames.from_config()
    labels = stage.rules.labels
    gold_path = data_root / GOLD_FILE
    if not gold_path.exists():
        raise FileNotFoundError(f"{gold_path}: gold frame labels missing (set EVAL=path/to/shared)")
    gold = read_gold(gold_path, labels)
    by_doc: dict[str, list[conllu.Sentence]] = {}
    pairs, errors = [], []
    for item in gold:
        if item.doc_id not in by_doc:
            path = corpus_dir / f"{item.doc_id}.conllu"
            by_doc[item.doc_id] = conllu.read(path) if path.exists() else []
        match = next((s for s in by_doc[item.doc_id] if s.comment("text") == item.text), None)
        if match is None:
            raise ValueError(f"{gold_path}: sentence {item.sentence_id} is not in {corpus_dir}/{item.doc_id}.conllu")
        predicted, spans = read_frames(match)
        pairs.append((item.labels, set(predicted)))
        if item.labels != set(predicted):
            _, misses = stage.rules.match(sentence_doc(stage.nlp.vocab, match))
            words = [row[conllu.FORM] for row in match.words()]
            errors.append({
                "id": item.sentence_id, "gold": sorted(item.labels), "predicted": list(predicted),
                "fired": [f"{s.label}<-{s.rule}[{' '.join(words[s.start:s.end])}]" for s in spans],
                "near_misses": [f"{m.label}<-{m.rule}[{' '.join(words[m.start:m.end])}]: {m.reason}" for m in misses],
                "text": item.text,
            })
    table = scores(pairs, labels)
    result = {"seed": {"title": f"Seed document, `{GOLD_FILE}`", "sentences": len(gold), "rules_version": stage.rules.version,
                       "frames": {label: dict(zip(("precision", "recall", "f1"), values))
                                  for label, values in table.items()},
                       "errors": errors}}
    return result, [gold_path]
