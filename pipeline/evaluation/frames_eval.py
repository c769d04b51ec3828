"""Scores sentence frame labels against gold sets (``make eval-frames``, ``gofteman eval-frames --gold``).

Three kinds of set (``../shared/eval``): **train**, 2,000 sentences of Fars, PEYMA and PerDT text,
where rules are made (every error is listed, and each rule's support and precision there is its
confidence, ``schemas/frames/confidence.tsv``); **validation**, 400 sentences of Fars news, scored
after a change and never read (no error of it is listed; its even ids, held out from the earliest
rule writing, are reported apart); and the **seed** document, a development set matched to the
committed corpus by document and text. Train and validation sentences run from raw text through
every stage before frames, each as a document of its own (cached under the work folder); the
current rule base is matched on every set, so a rule edit is scored without rebuilding the corpus.
Any file in the gold format (``id``, ``text``, the four labels, optional ``source`` and
``triggers``) is scored the same way (``--gold``).

For each set: per frame, micro and macro precision, recall and F1; each rule's support and
precision; the share of true-positive sentences whose evidence overlaps a gold trigger; and,
where listed, every false positive and miss with the rules that fired and the near misses.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from gofteman import conllu
from gofteman.constants import DEFAULT_MAX_DOCUMENT_BYTES
from gofteman.frames.docs import sentence_doc

SEED_GOLD = "eval/frames-seed-gold.tsv"
VALIDATION_GOLD = "eval/frames-news-dev.tsv"
TRAIN_GOLD = "eval/frames-train.tsv"
#: the gold files' sources (``farsnews:...``), reported apart on train
TRAIN_SOURCES = ("farsnews", "peyma", "perdt")


@dataclass
class GoldSentence:
    sentence_id: str
    doc_id: str
    text: str
    labels: set[str]
    triggers: dict[str, list[str]] = field(default_factory=dict)


def read_gold(path: Path, labels: tuple[str, ...]) -> list[GoldSentence]:
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
            try:
                gold = {label for label in labels if row[label].strip() == "1"}
                triggers: dict[str, list[str]] = {}
                for item in (row.get("triggers") or "").split(";"):
                    label, _, trigger = item.strip().partition(":")
                    if trigger.strip():
                        triggers.setdefault(label, []).append(trigger.strip())
                rows.append(GoldSentence(row["id"], (row.get("source") or "").removeprefix("seed:"), row["text"], gold,
                                         triggers))
            except (KeyError, AttributeError) as error:
                raise ValueError(f"{path}:{number}: missing column {error}") from None
            if not row["id"] or not row["text"] or any(row[label].strip() not in ("0", "1") for label in labels):
                raise ValueError(f"{path}:{number}: expected an id, a text and 0 or 1 under {', '.join(labels)}")
    ids = [row.sentence_id for row in rows]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: the id {next(i for i in ids if ids.count(i) > 1)!r} is used twice")
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


def seed_sentences(gold: list[GoldSentence], corpus_dir: Path, gold_path: Path) -> list[list[conllu.Sentence]]:
    """Each gold sentence's corpus sentence, matched by document and text."""
    by_doc: dict[str, list[conllu.Sentence]] = {}
    found = []
    for item in gold:
        if item.doc_id not in by_doc:
            path = corpus_dir / f"{item.doc_id}.conllu"
            by_doc[item.doc_id] = conllu.read(path) if path.exists() else []
        match = next((s for s in by_doc[item.doc_id] if s.comment("text") == item.text), None)
        if match is None:
            raise ValueError(f"{gold_path}: sentence {item.sentence_id} is not in {corpus_dir}/{item.doc_id}.conllu")
        found.append([match])
    return found


def annotated_sentences(gold: list[GoldSentence], work_dir: Path) -> list[list[conllu.Sentence]]:
    """Each gold sentence run from raw text through every stage before frames, as a document
    of its own (the pipeline may split it into several sentences)."""
    from gofteman.runner import Runner
    from gofteman.stages import STAGE_NAMES, STAGES
    from gofteman.stages.ner import Ner

    work_dir.mkdir(parents=True, exist_ok=True)
    source = work_dir / "documents.jsonl"
    lines = [json.dumps({"id": item.sentence_id, "text": item.text}, ensure_ascii=False) for item in gold]
    text = "\n".join(lines) + "\n"
    if not source.exists() or source.read_text(encoding="utf-8") != text:
        source.write_text(text, encoding="utf-8")
    stages = list(STAGES[: STAGE_NAMES.index(Ner.name) + 1])
    runner = Runner(source, work_dir / "out", work_dir / "build", stages, max_bytes=DEFAULT_MAX_DOCUMENT_BYTES)
    report = runner.run()
    if report.problems:
        problem = report.problems[0]
        raise ValueError(f"{source}: {problem.origin}: {problem.reason}")
    return [conllu.read(runner.artifact(Ner, item.sentence_id)) for item in gold]


def _overlaps(spans: list[tuple[int, int]], text: str, triggers: list[str]) -> bool:
    for trigger in triggers:
        start = text.find(trigger)
        while start != -1:
            if any(s < start + len(trigger) and start < e for s, e in spans):
                return True
            start = text.find(trigger, start + 1)
    return False


def evaluate_set(stage, gold: list[GoldSentence], documents: list[list[conllu.Sentence]], title: str,
                 list_errors: bool = True) -> dict:
    """Scores, rule precision, evidence overlap and (with ``list_errors``) errors of one gold set."""
    labels = stage.rules.labels
    pairs, errors = [], []
    fired, correct = Counter(), Counter()
    true_positives = overlapping = 0
    for item, sentences in zip(gold, documents):
        text = conllu.rebuild_text(sentences)
        evidence: dict[str, list[tuple[int, int]]] = {}
        shown_spans, shown_misses = [], []
        for sentence, offsets in zip(sentences, conllu.word_offsets(sentences)):
            doc = sentence_doc(stage.nlp.vocab, sentence)
            spans, misses = stage.rules.match(doc)
            for span in spans:
                evidence.setdefault(span.label, []).append((offsets[span.start][0], offsets[span.end - 1][1]))
            words = [row[conllu.FORM] for row in sentence.words()]
            shown_spans += [(s.label, s.rule, " ".join(words[s.start:s.end])) for s in spans]
            shown_misses += [(m.label, m.rule, " ".join(words[m.start:m.end]), m.reason) for m in misses]
        predicted = set(evidence)
        pairs.append((item.labels, predicted))
        for rule in {rule for _, rule, _ in shown_spans}:
            label = stage.rules.rules[rule].frame
            fired[rule] += 1
            correct[rule] += label in item.labels
        for label in item.labels & predicted:
            true_positives += 1
            overlapping += _overlaps(evidence[label], text, item.triggers.get(label, []))
        for label in labels if list_errors else ():
            if (label in item.labels) != (label in predicted):
                errors.append({
                    "id": item.sentence_id, "label": label,
                    "kind": "false positive" if label in predicted else "miss",
                    "gold": sorted(item.labels, key=labels.index), "predicted": sorted(predicted, key=labels.index),
                    "fired": [f"{lab}<-{rule}[{words}]" for lab, rule, words in shown_spans if lab == label],
                    "near_misses": [f"{lab}<-{rule}[{words}]: {reason}" for lab, rule, words, reason in shown_misses
                                    if lab == label],
                    "triggers": item.triggers.get(label, []),
                    "text": item.text,
                })
    table = scores(pairs, labels)
    return {
        "title": title, "sentences": len(gold), "rules_version": stage.rules.version,
        "frames": {label: dict(zip(("precision", "recall", "f1"), values)) for label, values in table.items()},
        "rules": {rule: {"frame": stage.rules.rules[rule].frame, "fired": fired[rule], "correct": correct[rule],
                         "precision": correct[rule] / fired[rule]}
                  for rule in sorted(fired)},
        "evidence_overlap": {"true_positives": true_positives, "overlapping": overlapping,
                             "share": overlapping / true_positives if true_positives else 0.0},
        **({"errors": errors} if list_errors else {}),
    }


def _numbered(item: GoldSentence) -> int:
    digits = "".join(char for char in item.sentence_id if char.isdigit())
    return int(digits) if digits else 0


def _source(item: GoldSentence) -> str:
    return item.doc_id.partition(":")[0]


def _subset(gold: list[GoldSentence], documents: list, keep) -> tuple[list[GoldSentence], list]:
    pairs = [(item, docs) for item, docs in zip(gold, documents) if keep(item)]
    return [item for item, _ in pairs], [docs for _, docs in pairs]


def _require(paths: list[Path]) -> None:
    for path in paths:
        if not path.exists():
            raise FileNotFoundError(f"{path}: gold frame labels missing (--shared: the shared folder, eval/ inside)")


@cache
def _frames_stage():
    """The frames stage as configured, built once a process (its rule base takes seconds)."""
    from gofteman.stages.frames import Frames

    return Frames.from_config()


def run_evaluation(corpus_dir: Path, shared: Path, work_dir: Path) -> tuple[dict, list[Path]]:
    """Every gold set's scores (``train``, ``train-<source>``, ``validation``, ``validation-even``,
    ``seed``) and the files read. Errors are listed for train and the seed only."""
    stage = _frames_stage()
    paths = [shared / TRAIN_GOLD, shared / VALIDATION_GOLD, shared / SEED_GOLD]
    _require(paths)
    train, validation, seed = (read_gold(path, stage.rules.labels) for path in paths)
    train_docs = annotated_sentences(train, work_dir / "train")
    validation_docs = annotated_sentences(validation, work_dir / "news-dev")
    result = {"train": evaluate_set(stage, train, train_docs, "train")}
    for source in TRAIN_SOURCES:
        items, docs = _subset(train, train_docs, lambda item, source=source: _source(item) == source)
        result[f"train-{source}"] = evaluate_set(stage, items, docs, f"train, {source}", list_errors=False)
    result["validation"] = evaluate_set(stage, validation, validation_docs, "validation", list_errors=False)
    items, docs = _subset(validation, validation_docs, lambda item: _numbered(item) % 2 == 0)
    result["validation-even"] = evaluate_set(stage, items, docs, "validation, even ids", list_errors=False)
    result["seed"] = evaluate_set(stage, seed, seed_sentences(seed, corpus_dir, paths[2]), "seed")
    return result, paths


def evaluate_gold_file(path: Path, work_dir: Path) -> dict:
    """Scores and every error of any file in the gold format, from raw text."""
    stage = _frames_stage()
    _require([path])
    gold = read_gold(path, stage.rules.labels)
    return evaluate_set(stage, gold, annotated_sentences(gold, work_dir / path.stem), path.name)


def predicted_labels(stage, documents: list[list[conllu.Sentence]]) -> list[set[str]]:
    """The labels the current rules give each gold item (the union over its sentences)."""
    return [{span.label for sentence in sentences for span in stage.rules.match(sentence_doc(stage.nlp.vocab, sentence))[0]}
            for sentences in documents]


def mine_train(shared: Path, work_dir: Path, top: int, neighbours: int) -> tuple[list, dict]:
    """Cue candidates of the train set (``gofteman.frames.mining``) and the lexicons' neighbours."""
    from gofteman.constants import SHIPPED_MODELS_DIR
    from gofteman.frames.mining import mine, nearest_neighbours, sentence_features
    from gofteman.stanza_models import PRETRAIN_FILE

    stage = _frames_stage()
    path = shared / TRAIN_GOLD
    _require([path])
    gold = read_gold(path, stage.rules.labels)
    documents = annotated_sentences(gold, work_dir / "train")
    candidates = mine([sentence_features(docs) for docs in documents], [item.labels for item in gold],
                      predicted_labels(stage, documents), stage.rules.labels, top=top)
    return candidates, (nearest_neighbours(stage.rules.lexicons, SHIPPED_MODELS_DIR / PRETRAIN_FILE, neighbours)
                        if neighbours else {})


def write_confidence_table(result: dict, source: Path) -> Path:
    """The rules' confidence table from the train set's rule counts."""
    from gofteman.frames.confidence import CONFIDENCE_PATH, write_confidence

    rules = [(rule.id, rule.frame) for rule in _frames_stage().rules.rules.values() if rule.kind == "evidence"]
    write_confidence(CONFIDENCE_PATH, rules, result["rules"], f"{source.name} ({result['sentences']} sentences)")
    return CONFIDENCE_PATH
