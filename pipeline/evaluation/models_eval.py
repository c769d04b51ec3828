"""Scores the tag and ner stages (``make eval-models``).

- UD PerDT *test* (never trained or tuned on), end to end from raw text: its sentences joined
  into one text go through normalize, tokenize, mwt and tag, and the CoNLL 2018 scorer compares
  the result with the gold file, every column as written.
- NER on Arman fold 3 (held out: the models train on folds 1 and 2), on its gold tokens,
  normalised as the pipeline normalises: entity-level precision, recall and F1 per label and
  micro-averaged (exact span and label, as seqeval computes them).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from udtools import udeval

from gofteman import conllu
from gofteman.labels import entity_types
from gofteman.evaluation.tokenize_eval import load_for_scoring
from gofteman.in_memory import configured_stage, run_stages
from gofteman.stages.ner import Ner, bioes_to_iob2
from gofteman.stages.normalize import Normalize
from gofteman.stages.tag import Tag
from gofteman.training import data
from gofteman.training.recipe import load_settings

UD_TEST = "ud/fa_perdt-ud-test.conllu"
UD_METRICS = ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS")
#: stanza's published scores for Persian (PerDT, raw text; Arman NER), for comparison only:
#: trained on the full 26k-sentence PerDT train split with pretrained vectors and a charlm.
STANZA_PUBLISHED = {"UPOS": 97.17, "LAS": 90.80}
STANZA_PUBLISHED_ARMAN_NER_F1 = 80.07


def entities(tags: list[str]) -> set[tuple[str, int, int]]:
    """Entity spans ``(label, start, end)`` of an IOB2 sequence."""
    spans, start, label = set(), None, None
    for index, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and label == tag[2:]:
            continue
        if label is not None:
            spans.add((label, start, index))
        start, label = (index, tag[2:]) if tag != "O" else (None, None)
    return spans


def entity_scores(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, tuple[float, float, float, int]]:
    """Per label and ``micro``: precision, recall, F1 and gold support."""
    true_positive, gold_count, predicted_count = Counter(), Counter(), Counter()
    for gold_tags, predicted_tags in zip(gold, predicted):
        gold_spans, predicted_spans = entities(gold_tags), entities(predicted_tags)
        for label, *_ in gold_spans:
            gold_count[label] += 1
        for label, *_ in predicted_spans:
            predicted_count[label] += 1
        for label, *_ in gold_spans & predicted_spans:
            true_positive[label] += 1
    scores = {}
    types = entity_types()
    for label in [*types, "micro"]:
        labels = types if label == "micro" else (label,)
        tp = sum(true_positive[x] for x in labels)
        p = tp / max(1, sum(predicted_count[x] for x in labels))
        r = tp / max(1, sum(gold_count[x] for x in labels))
        scores[label] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, sum(gold_count[x] for x in labels))
    return scores


def score_ud(data_dir: Path, work_dir: Path) -> dict:
    gold_path = data_dir / UD_TEST
    text = " ".join(conllu.iter_texts(conllu.read(gold_path)))
    system = conllu.parse(run_stages(text, Tag.name, "perdt-test"))
    system_path = work_dir / "perdt-test.system.conllu"
    system_path.parent.mkdir(parents=True, exist_ok=True)
    conllu.write(system_path, system)
    return udeval.evaluate(load_for_scoring(gold_path), load_for_scoring(system_path))


def score_ner(data_dir: Path) -> dict:
    forms = data.TrainingForms(configured_stage(Normalize.name).normalizer)
    label_map = load_settings()["ner_label_map"]
    sentences = [s for name in data.NER_TEST for s in data.read_ner(data_dir / name)]
    gold = [data.fix_bio([data.map_tag(tag, label_map) for _, tag in s]) for s in sentences]
    pipeline = configured_stage(Ner.name).pipeline
    analysed = pipeline([[forms(token) for token, _ in s] for s in sentences]).sentences
    predicted = [[bioes_to_iob2(token.ner) for token in sentence.tokens] for sentence in analysed]
    return entity_scores(gold, predicted)


def run_evaluation(data_dir: Path, work_dir: Path) -> str:
    if not (data_dir / UD_TEST).exists():
        raise FileNotFoundError(f"{data_dir / UD_TEST}: evaluation data missing (set DATA=path/to/shared/data)")
    ud = score_ud(data_dir, work_dir)
    lines = [f"tag: UD PerDT test ({data_dir / UD_TEST}) from raw text, CoNLL 2018 scorer (F1):", "",
             "| metric | gofteman fa-small | stanza published (fa_perdt) |", "|---|---:|---:|"]
    for metric in UD_METRICS:
        lines.append(f"| {metric} | {100 * ud[metric].f1:.2f} | {STANZA_PUBLISHED.get(metric, '')} |")
    ner = score_ner(data_dir)
    lines += ["", f"ner: Arman fold 3 (held out), gold tokens, entity-level:", "",
              "| label | precision | recall | F1 | gold entities |", "|---|---:|---:|---:|---:|"]
    for label, (p, r, f, support) in ner.items():
        lines.append(f"| {label} | {100 * p:.2f} | {100 * r:.2f} | {100 * f:.2f} | {support} |")
    lines.append(f"\nstanza's published Arman NER F1 (its own label set): {STANZA_PUBLISHED_ARMAN_NER_F1}")
    return "\n".join(lines) + "\n"
