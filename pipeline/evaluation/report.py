"""Tables rendered from ``results/*.json`` into the documents that show scores.

A document marks each table with ``<!-- results:TABLE -->`` ... ``<!-- /results -->``; rendering
replaces what stands between the marks with the table built from the result files, followed by
the command and date that produced them. ``gofteman render-results`` rewrites the documents;
``--check`` (and the tests) fail when one disagrees with ``results/``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from gofteman.constants import MODELS_DIR, PROJECT_DIR, RESULTS_DIR
from gofteman.evaluation.results import read_result

#: The documents whose marked tables are rendered from results/.
DOCUMENTS = (PROJECT_DIR / "README.md", MODELS_DIR / "fa-small" / "MODEL_CARD.md", PROJECT_DIR / "docs" / "scale.md")
BLOCK = re.compile(r"(<!-- results:(?P<table>[\w-]+) -->\n)(?P<body>.*?)(<!-- /results -->)", re.DOTALL)

UD_ROWS = ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS")


def _pct(value: float) -> str:
    return f"{100 * value:.2f}"


def _provenance(result: dict) -> str:
    code = result.get("code", {})
    commit = f" at {code['commit'][:7]}" if code.get("commit") else ""
    return f"`{result['command']}`, {result['date'][:10]}{commit}."


def table_ud(results_dir: Path) -> str:
    result = read_result("models", results_dir)
    ud, published = result["scores"]["ud"], result["scores"]["stanza_published"]
    lines = ["| metric | gofteman fa-small | stanza published (fa_perdt) |", "|---|---:|---:|"]
    lines += [f"| {metric} | {_pct(ud[metric]['f1'])} | {format(published[metric], '.2f') if metric in published else ''} |" for metric in UD_ROWS]
    return "\n".join(lines) + f"\n\n{_provenance(result)}"


def table_ner(results_dir: Path) -> str:
    result = read_result("models", results_dir)
    lines = ["| label | precision | recall | F1 | gold entities |", "|---|---:|---:|---:|---:|"]
    for label, s in result["scores"]["ner"].items():
        lines.append(f"| {label} | {_pct(s['precision'])} | {_pct(s['recall'])} | {_pct(s['f1'])} | {s['support']} |")
    return "\n".join(lines) + f"\n\n{_provenance(result)}"


def table_tokenize(results_dir: Path) -> str:
    result = read_result("tokenize", results_dir)
    scores = result["scores"]
    metrics = list(next(iter(scores.values())))
    lines = ["| after stage | " + " | ".join(metrics) + " |", "|---|" + "---:|" * len(metrics)]
    lines += [f"| {stage} | " + " | ".join(_pct(row[m]["f1"]) for m in metrics) + " |" for stage, row in scores.items()]
    return "\n".join(lines) + f"\n\n{_provenance(result)}"


def table_normalize(results_dir: Path) -> str:
    result = read_result("normalize", results_dir)
    names = {"hazm": "stock hazm Normalizer", "gofteman": "gofteman normalize (hazm + ZWNJ repair)"}
    lines = ["| normaliser | ZWNJs in gold | restored | restored as space | spurious ZWNJs (share of insertions) "
             "| words with a spurious ZWNJ |", "|---|---:|---:|---:|---:|---:|"]
    for name, s in result["scores"].items():
        lines.append(f"| {names.get(name, name)} | {s['boundaries']} | {s['restored']} ({100 * s['restored_share']:.1f}%) | "
                     f"{s['restored_as_space']} | {s['spurious']} ({100 * s['spurious_share_of_insertions']:.2f}%) | "
                     f"{s['spurious_words']} of {s['words']} ({100 * s['spurious_share_of_words']:.2f}%) |")
    return "\n".join(lines) + f"\n\n{_provenance(result)}"


def frame_scores_table(sets: dict[str, dict], precision_recall: bool = False) -> str:
    """F1 (or precision, recall and F1) of each frame on each scored set, side by side, and the
    evidence that overlaps a gold trigger."""
    labels = [label for label in next(iter(sets.values()))["frames"] if label != "micro"]
    if precision_recall:
        lines = ["| set | frame | precision | recall | F1 |", "|---|---|---:|---:|---:|"]
        lines += [f"| {e['title']} ({e['sentences']}) | {label} | " + " | ".join(
            f"{e['frames'][label][key]:.3f}" for key in ("precision", "recall", "f1")) + " |"
            for e in sets.values() for label in labels]
        return "\n".join(lines)
    lines = ["| F1 | " + " | ".join(f"{e['title']} ({e['sentences']})" for e in sets.values()) + " |",
             "|---|" + "---:|" * len(sets)]
    lines += [f"| {label} | " + " | ".join(f"{e['frames'][label]['f1']:.3f}" for e in sets.values()) + " |"
              for label in labels]
    lines.append("| evidence overlaps a gold trigger | " + " | ".join(
        f"{e['evidence_overlap']['share']:.2f}" for e in sets.values()) + " |")
    return "\n".join(lines)


def table_frames(results_dir: Path) -> str:
    """The frames' F1 on train (all and per source), validation (all and the even half) and the seed."""
    result = read_result("frames", results_dir)
    return frame_scores_table(result["scores"]) + f"\n\n{_provenance(result)}"


def table_bench(results_dir: Path) -> str:
    result = read_result("bench", results_dir)
    s = result["scores"]
    rates = s["tokens_per_second"]
    lines = ["| tokens/s: " + " | ".join(rates) + " | peak memory |", "|" + "---:|" * (len(rates) + 1),
             "| " + " | ".join(f"{rate:,.0f}" for rate in rates.values()) + f" | {s['peak_memory_mb']:,.0f} MB |"]
    return ("\n".join(lines) + f"\n\n{s['documents']} documents, {s['tokens']:,} tokens, {s['cpu_cores']} CPU cores "
            f"(torch threads {s['torch_threads']}), models loaded in {s['loading_seconds']:.1f} s; frames timed over "
            f"{s['frames_tokens']:,} tokens. {_provenance(result)}")


def _run_row(label: str, run: dict) -> str:
    return (f"| {label} | {run['seconds']:,.1f} s | {run['tokens']:,} | {run['tokens_per_second']:,.0f} | "
            f"{run['peak_memory_mb']:,.0f} MB |")


def table_bench_compare(results_dir: Path) -> str:
    result = read_result("bench-compare", results_dir)
    s = result["scores"]
    lines = ["| code | wall time | tokens | tokens/s | peak memory |", "|---|---:|---:|---:|---:|",
             _run_row(f"`{s['base']['commit'][:7]}` (base)", s["base"]),
             _run_row(f"`{result['code'].get('commit', '?')[:7]}` (this code)", s["current"])]
    stages = ", ".join(f"{name} {stage['seconds']:.1f} s" for name, stage in s["current"]["stages"].items())
    machine = s["machine"]
    return ("\n".join(lines) + f"\n\n**{s['speedup']:.2f}x** faster end to end on {s['input']['sentences']:,} raw "
            f"PerDT train sentences ({s['input']['documents']} documents), {machine['cpu_cores']} CPU cores, engine "
            f"{s['engine']}. This code's stages: {stages}. {_provenance(result)}")


def table_bench_scale(results_dir: Path) -> str:
    result = read_result("bench-scale", results_dir)
    s = result["scores"]
    lines = ["| sentences | wall time | tokens | tokens/s | peak memory |", "|---:|---:|---:|---:|---:|"]
    lines += [_run_row(f"{run['sentences']:,}", run) for run in s["runs"]]
    stages = list(s["runs"][0]["stages"])
    lines += ["", "| tokens/s: sentences | " + " | ".join(stages) + " |", "|" + "---:|" * (len(stages) + 1)]
    lines += [f"| {run['sentences']:,} | " + " | ".join(f"{run['stages'][name]['tokens_per_second']:,.0f}"
                                                       for name in stages) + " |" for run in s["runs"]]
    return ("\n".join(lines) + f"\n\n{s['machine']['cpu_cores']} CPU cores, engine {s['engine']}; a stage's "
            f"tokens/s is the corpus's tokens over the stage's time, its loading included. {_provenance(result)}")


def table_speakers(results_dir: Path) -> str:
    result = read_result("speakers", results_dir)
    names = {"train": "train: 60 Fars articles (built on)", "validation": "validation: all",
             "validation-seed": "validation: seed document", "validation-fars": "validation: 15 Fars articles"}
    lines = ["| documents | sentences | accuracy | precision | recall | speaker F1 |", "|---|---:|---:|---:|---:|---:|"]
    for name, s in result["scores"].items():
        lines.append(f"| {names.get(name, name)} | {s['sentences']} | {s['accuracy']:.3f} | {s['precision']:.3f} | "
                     f"{s['recall']:.3f} | {s['f1']:.3f} |")
    return "\n".join(lines) + f"\n\n{_provenance(result)}"


TABLES: dict[str, Callable[[Path], str]] = {
    "speakers": table_speakers,
    "ud": table_ud, "ner": table_ner, "tokenize": table_tokenize, "normalize": table_normalize,
    "frames": table_frames, "bench": table_bench,
    "bench-compare": table_bench_compare, "bench-scale": table_bench_scale,
}


def render(text: str, results_dir: Path = RESULTS_DIR, where: str = "document") -> str:
    """``text`` with every marked table rendered from ``results_dir``."""
    def replace(match: re.Match) -> str:
        table = match.group("table")
        if table not in TABLES:
            raise ValueError(f"{where}: unknown results table {table!r}; known: {', '.join(TABLES)}")
        return f"{match.group(1)}{TABLES[table](results_dir)}\n{match.group(4)}"

    return BLOCK.sub(replace, text)


def render_documents(check: bool = False, documents: tuple[Path, ...] = DOCUMENTS,
                     results_dir: Path = RESULTS_DIR) -> list[Path]:
    """Renders each document's tables; returns the documents that were (with ``check``: would
    be) changed."""
    changed = []
    for path in documents:
        text = path.read_text(encoding="utf-8")
        rendered = render(text, results_dir, str(path))
        if rendered != text:
            changed.append(path)
            if not check:
                path.write_text(rendered, encoding="utf-8")
    return changed
