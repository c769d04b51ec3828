"""Speed of the mwt, tag, ner and frames stages (``make bench``): tokens per second, peak memory.

Runs the stages on the CoNLL-U files of a corpus (the annotation is recomputed; mwt reads the
files with their multiword tokens joined again, as tokenize writes them) in this process, on
the CPU, after building the Pipelines and the rule base, which is timed apart.
The frames stage is also timed over the corpus repeated until it holds 100,000 tokens, since
one short document is over too fast to time.
"""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

import torch

from gofteman import conllu
from gofteman.stages.frames import Frames
from gofteman.stages.mwt import SplitMultiwordTokens
from gofteman.stages.ner import Ner
from gofteman.stages.tag import Tag

FRAMES_BENCH_TOKENS = 100_000


def surface_tokens_only(text: str) -> str:
    """The CoNLL-U with each multiword token as one line again (what the mwt stage reads)."""
    sentences = conllu.parse(text)
    for sentence in sentences:
        sentence.rows = [[str(number), *row[1:]] for number, row in enumerate(sentence.tokens(), 1)]
    return conllu.format_sentences(sentences)


def run_bench(folder: Path) -> tuple[dict, list[Path]]:
    """Tokens per second of each stage and peak memory, with the machine they were measured on."""
    files = sorted(folder.glob("*.conllu"))
    if not files:
        raise FileNotFoundError(f"no .conllu files in {folder}: build the corpus first (make corpus)")
    items = [(path.stem, path.read_text(encoding="utf-8")) for path in files]
    tokens = sum(len(s.tokens()) for _, text in items for s in conllu.parse(text))
    started = time.perf_counter()
    stages = [SplitMultiwordTokens.from_config(), Tag.from_config(), Ner.from_config()]
    frames = Frames.from_config()
    loaded = time.perf_counter()
    timings = {}
    unsplit = [(doc_id, surface_tokens_only(text)) for doc_id, text in items]
    for stage in stages:
        begin = time.perf_counter()
        results = list(stage.process_batch(unsplit if stage.name == SplitMultiwordTokens.name else items))
        timings[stage.name] = time.perf_counter() - begin
        failures = [r for r in results if isinstance(r, Exception)]
        if failures:
            raise failures[0]
    total = sum(timings.values())
    repeats = max(1, FRAMES_BENCH_TOKENS // max(1, tokens))
    begin = time.perf_counter()
    for result in frames.process_batch(items * repeats):
        if isinstance(result, Exception):
            raise result
    frames_rate = tokens * repeats / (time.perf_counter() - begin)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    scores = {"documents": len(files), "tokens": tokens, "cpu_cores": os.cpu_count(),
              "torch_threads": torch.get_num_threads(), "loading_seconds": loaded - started,
              "tokens_per_second": {**{name: tokens / seconds for name, seconds in timings.items()},
                                    "mwt+tag+ner": tokens / total, "frames": frames_rate},
              "frames_tokens": tokens * repeats, "peak_memory_mb": peak_mb}
    return scores, files
