"""Scores speaker attribution (``make eval-speakers``) on the training set
(``../shared/eval/speakers-train.tsv``: 60 Fars articles, where the stage is built; every sentence
it gets wrong is listed) and the validation set (``speakers-dev.tsv``: the seed and 15 Fars
articles, scored after a change and never read; its misses are counted, not listed).

The gold documents are written as the pipeline reads them by the reference tool
(``speakers_to_jsonl.py``), run from raw text through every stage up to speakers (cached under
the work folder), and scored by the reference scorer (``score_speakers.py``): each gold sentence
is matched to the system sentence that overlaps it most, and a named attribution is right when
both names share a word. The validation set's seed and Fars articles are also scored apart.

The scorer finds each system sentence by searching its ``# text`` in the raw document. Our
``# text`` follows UD (forms joined by one space), so a sentence whose original has two spaces
in a row would not be found and would count as unattributed. The scorer therefore reads a copy
of the CoNLL-U whose ``# text`` is each sentence's original text, rebuilt from the spacing
attributes (``conllu.original_text``); nothing else in the copy differs.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

from gofteman import conllu
from gofteman.constants import COMMENT_TEXT, DEFAULT_MAX_DOCUMENT_BYTES

VALIDATION_GOLD = "eval/speakers-dev.tsv"
TRAIN_GOLD = "eval/speakers-train.tsv"
TO_JSONL = "eval/speakers_to_jsonl.py"
SCORER = "eval/score_speakers.py"
SEED_DOC = "SEED"
SUMMARY = re.compile(r"sentences=(\d+) docs_missing=(\d+) accuracy=([\d.]+) P=([\d.]+) R=([\d.]+)")


def _subset(gold: Path, out: Path, keep) -> Path:
    with open(gold, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        header = next(reader)
        rows = [row for row in reader if keep(row[0])]
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerows([header, *rows])
    return out


def scorer_copy(system_dir: Path, out_dir: Path) -> Path:
    """The system CoNLL-U with each sentence's ``# text`` as in the original (see above)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("*.conllu"):
        stale.unlink()
    for path in sorted(system_dir.glob("*.conllu")):
        sentences = conllu.read(path)
        for sentence in sentences:
            sentence.set_comment(COMMENT_TEXT, conllu.original_text(sentence))
        (out_dir / path.name).write_text(conllu.format_sentences(sentences), encoding="utf-8")
    return out_dir


def score(scorer: Path, gold: Path, system_dir: Path) -> dict:
    """The reference scorer's numbers and every sentence it counts wrong."""
    output = subprocess.run([sys.executable, str(scorer), str(gold), str(system_dir), "-v"],
                            capture_output=True, text=True, check=True).stdout.splitlines()
    summary = next(line for line in output if line.startswith("sentences="))
    sentences, missing, accuracy, precision, recall = SUMMARY.match(summary).groups()
    f1 = float(next(line for line in output if line.startswith("speaker_f1=")).split("=")[1])
    misses = [line for line in output if not line.startswith(("sentences=", "speaker_f1="))]
    return {"sentences": int(sentences), "documents_missing": int(missing), "accuracy": float(accuracy),
            "precision": float(precision), "recall": float(recall), "f1": f1, "misses": misses}


def annotate(gold: Path, to_jsonl: Path, work_dir: Path) -> Path:
    """The gold documents run from raw text through every stage up to speakers; the scorer's copy."""
    from gofteman.runner import Runner
    from gofteman.stages import STAGE_NAMES, STAGES
    from gofteman.stages.speakers import Speakers

    work_dir.mkdir(parents=True, exist_ok=True)
    documents = work_dir / "documents.jsonl"
    subprocess.run([sys.executable, str(to_jsonl), str(gold), str(documents)], check=True)
    stages = list(STAGES[: STAGE_NAMES.index(Speakers.name) + 1])
    runner = Runner(documents, work_dir / "out", work_dir / "build", stages, max_bytes=DEFAULT_MAX_DOCUMENT_BYTES)
    report = runner.run()
    if report.problems:
        raise ValueError(f"{documents}: {report.problems[0].origin}: {report.problems[0].reason}")
    return scorer_copy(runner.artifact_dir(Speakers), work_dir / "scored")


def _unlisted(result: dict) -> dict:
    """A validation score: the misses counted, not listed (nobody reads them)."""
    return {**{key: value for key, value in result.items() if key != "misses"}, "misses": len(result["misses"])}


def run_evaluation(data_root: Path, work_dir: Path) -> tuple[dict, list[Path]]:
    """Scores of ``train`` (with every miss), ``validation``, ``validation-seed`` and
    ``validation-fars`` (misses counted), and the files read."""
    train, validation = data_root / TRAIN_GOLD, data_root / VALIDATION_GOLD
    to_jsonl, scorer = data_root / TO_JSONL, data_root / SCORER
    for path in (train, validation, to_jsonl, scorer):
        if not path.exists():
            raise FileNotFoundError(f"{path}: speaker gold data or reference tools missing (--shared: the shared folder)")
    train_dir = annotate(train, to_jsonl, work_dir / "train")
    system_dir = annotate(validation, to_jsonl, work_dir)
    result = {
        "train": score(scorer, train, train_dir),
        "validation": _unlisted(score(scorer, validation, system_dir)),
        "validation-seed": _unlisted(score(
            scorer, _subset(validation, work_dir / "gold-seed.tsv", lambda doc: doc == SEED_DOC), system_dir)),
        "validation-fars": _unlisted(score(
            scorer, _subset(validation, work_dir / "gold-fars.tsv", lambda doc: doc != SEED_DOC), system_dir)),
    }
    return result, [train, validation, scorer]
