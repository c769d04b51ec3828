"""Scores sentence and word segmentation against a UD treebank with the CoNLL 2018 scorer.

The sentences of UD PerDT test (used by no model for training or tuning) are joined into one
running text (so sentence splitting is tested too), run through the stages up to tokenize (hazm's
surface tokens) and up to mwt (multiword tokens split into words), and each result is scored
with ``udtools``' ``udeval``.
Our CoNLL-U keeps original forms, so the scorer can align it with the gold text character by
character. HEAD/DEPREL are not annotated at this point; the scoring copy gets placeholders
only because the scorer needs a tree, and only segmentation is reported.
"""

from __future__ import annotations

from pathlib import Path

from udtools import udeval

from gofteman import conllu
from gofteman.in_memory import annotate
from gofteman.stages.mwt import SplitMultiwordTokens
from gofteman.stages.tokenize import Tokenize
from gofteman.validation import with_placeholders

EVAL_FILE = "ud/fa_perdt-ud-test.conllu"
METRICS = ("Tokens", "Sentences", "Words")


def load_for_scoring(path: Path) -> object:
    # udeval.load_conllu_file leaves its file open; read it here and close it
    with open(path, encoding="utf-8") as handle:
        return udeval.load_conllu(handle, str(path), {})


def run_evaluation(data_dir: Path, work_dir: Path) -> tuple[dict, list[Path]]:
    """Per stage (tokenize, mwt), each metric's F1, precision and recall; and the file read."""
    gold_path = data_dir / EVAL_FILE
    if not gold_path.exists():
        raise FileNotFoundError(f"{gold_path}: evaluation data missing (set DATA=path/to/shared/data)")
    text = " ".join(conllu.iter_texts(conllu.read(gold_path)))
    work_dir.mkdir(parents=True, exist_ok=True)
    result = {}
    for last in (Tokenize.name, SplitMultiwordTokens.name):
        system_path = work_dir / f"{last}.conllu"
        conllu.write(system_path, with_placeholders(annotate(text, last, "eval")))
        scores = udeval.evaluate(load_for_scoring(gold_path), load_for_scoring(system_path))
        result[last] = {metric: {"f1": scores[metric].f1, "precision": scores[metric].precision,
                                 "recall": scores[metric].recall} for metric in METRICS}
    return result, [gold_path]
