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
from gofteman.labels import entity_types, iob2_spans
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
    return set(iob2_spans(tags))


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


def ud_score(score) -> dict:
    """One CoNLL 2018 scorer metric as data: F1, precision, recall and the counts behind them."""
    return {"f1": score.f1, "precision": score.precision, "recall": score.recall,
            "correct": score.correct, "gold": score.gold_total, "system": score.system_total}


def score_ud(gold_path: Path, work_dir: Path) -> dict[str, dict]:
    """A UD treebank's sentences joined into one raw text, through the stages up to tag, scored
    against it: every metric of ``UD_METRICS``."""
    text = " ".join(conllu.iter_texts(conllu.read(gold_path)))
    system = conllu.parse(run_stages(text, Tag.name, gold_path.stem))
    system_path = work_dir / f"{gold_path.stem}.system.conllu"
    system_path.parent.mkdir(parents=True, exist_ok=True)
    conllu.write(system_path, system)
    scores = udeval.evaluate(load_for_scoring(gold_path), load_for_scoring(system_path))
    return {metric: ud_score(scores[metric]) for metric in UD_METRICS}


def score_ner(ner_files: list[Path]) -> dict[str, dict]:
    """Entity-level scores per label and ``micro`` on NER files' gold tokens."""
    forms = data.TrainingForms(configured_stage(Normalize.name).normalizer)
    label_map = load_settings()["ner_label_map"]
    sentences = [s for path in ner_files for s in data.read_ner(path)]
    gold = [data.fix_bio([data.map_tag(tag, label_map) for _, tag in s]) for s in sentences]
    pipeline = configured_stage(Ner.name).pipeline
    analysed = pipeline([[forms(token) for token, _ in s] for s in sentences]).sentences
    predicted = [[bioes_to_iob2(token.ner) for token in sentence.tokens] for sentence in analysed]
    return {label: {"precision": p, "recall": r, "f1": f, "support": support}
            for label, (p, r, f, support) in entity_scores(gold, predicted).items()}


def run_evaluation(data_dir: Path, work_dir: Path) -> tuple[dict, list[Path]]:
    """The scores of ``make eval-models`` and the data files they read."""
    ud_test, ner_test = data_dir / UD_TEST, [data_dir / name for name in data.NER_TEST]
    for path in (ud_test, *ner_test):
        if not path.exists():
            raise FileNotFoundError(f"{path}: evaluation data missing (set DATA=path/to/shared/data)")
    scores = {"ud": score_ud(ud_test, work_dir), "ner": score_ner(ner_test),
              "stanza_published": {**{metric: value for metric, value in STANZA_PUBLISHED.items()},
                                   "ner_f1": STANZA_PUBLISHED_ARMAN_NER_F1}}
    return scores, [ud_test, *ner_test]
