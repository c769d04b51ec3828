"""End-to-end speed: ``make bench-compare BASE=<commit>`` and ``make bench-scale``.

Both run ``gofteman run`` from scratch, as a subprocess, on documents made of raw PerDT train
sentences (``data/raw/perdt_train_sentences.txt``), ``BENCH_SENTENCES_PER_DOCUMENT`` to a document, and
measure the wall time, the words per second (tokens of the finished corpus, from its manifest)
and the peak memory of the run's processes together (its workers included; sampled), each
process's proportional set size: the pages that workers share with the fork server they came from
count once in all, not once in each.

- ``bench-compare`` runs an older commit and this code side by side on the same 5,000 sentences:
  the commit is checked out into a temporary git worktree and runs there with its own code,
  schemas and models, on this environment's libraries (``PYTHONPATH`` points ``gofteman`` at its
  ``pipeline/``). This code's run also reports each stage's time.
- ``bench-scale`` runs this code on growing inputs (the raw sentences over again, as new
  documents, where a size needs more than there are): how time and memory grow with the corpus.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from gofteman.constants import (
    BENCH_COMPARE_SENTENCES,
    BENCH_SENTENCES_PER_DOCUMENT,
    MANIFEST_FILENAME,
    PROJECT_DIR,
)

RAW_SENTENCES = Path("raw") / "perdt_train_sentences.txt"
# Reading a process's PSS walks its page tables: about 30 ms for a worker of 1 GB, 90 ms for a
# run's five processes, so every 0.2 s it would take half a core from the run it measures
MEMORY_SAMPLE_SECONDS = 2.0


def write_documents(data_dir: Path, sentences: int, path: Path) -> Path:
    """A JSONL of ``sentences`` raw PerDT train sentences, ``BENCH_SENTENCES_PER_DOCUMENT`` a document."""
    source = data_dir / RAW_SENTENCES
    if not source.exists():
        raise FileNotFoundError(f"{source} not found: the benchmark reads the raw PerDT train sentences "
                                f"(pass --data, the shared data folder)")
    lines = [line.strip() for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = [lines[index % len(lines)] for index in range(sentences)]
    with open(path, "w", encoding="utf-8") as handle:
        for number, start in enumerate(range(0, sentences, BENCH_SENTENCES_PER_DOCUMENT)):
            text = " ".join(chosen[start:start + BENCH_SENTENCES_PER_DOCUMENT])
            handle.write(json.dumps({"id": f"perdt-{number:06d}", "text": text}, ensure_ascii=False) + "\n")
    return path


def proportional_memory(process: psutil.Process) -> int:
    """The bytes of memory this process holds, a page shared with n processes counting 1/n
    (PSS); the resident set size where the system does not tell PSS (not Linux)."""
    try:
        return process.memory_full_info().pss
    except AttributeError:
        return process.memory_info().rss


class PeakMemory:
    """The largest total memory of a process and its descendants (``proportional_memory``),
    sampled in a thread."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.peak_bytes = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._done.wait(MEMORY_SAMPLE_SECONDS):
            total = 0
            try:
                for process in [self.process, *self.process.children(recursive=True)]:
                    total += proportional_memory(process)
            except psutil.Error:  # a process ended between listing and reading
                continue
            self.peak_bytes = max(self.peak_bytes, total)

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        return self.peak_bytes / 2**20


def measured_run(documents: Path, folder: Path, cwd: Path, extra_env: dict[str, str],
                 extra_args: list[str]) -> dict:
    """``gofteman run`` of the code that ``cwd`` and ``extra_env`` select, from scratch."""
    out, work = folder / "out", folder / "work"
    command = [sys.executable, "-m", "gofteman", "run", "--input", str(documents), "--out", str(out),
               "--work", str(work), "--no-progress", *extra_args]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **extra_env},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(process.pid)
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    peak_mb = memory.stop()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} (in {cwd}) failed with exit code "
                           f"{process.returncode}:\n{stderr[-3000:]}")
    summary = json.loads((out / MANIFEST_FILENAME).read_text(encoding="utf-8"))["summary"]
    return {"seconds": seconds, "documents": summary["documents"], "ok": summary["ok"],
            "sentences": summary["sentences"], "tokens": summary["tokens"],
            "tokens_per_second": summary["tokens"] / seconds, "peak_memory_mb": peak_mb}


def current_run(documents: Path, folder: Path, engine_args: list[str]) -> dict:
    """This code's run, with each stage's time and words per second."""
    timings = folder / "timings.json"
    result = measured_run(documents, folder, PROJECT_DIR, {}, [*engine_args, "--timings", str(timings)])
    seconds = json.loads(timings.read_text(encoding="utf-8"))["seconds"]
    result["stages"] = {name: {"seconds": value, "tokens_per_second": result["tokens"] / value if value else None}
                        for name, value in seconds.items()}
    return result


def machine() -> dict:
    return {"cpu_cores": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1)}


def run_compare(base: str, data_dir: Path, engine_args: list[str]) -> tuple[dict, list[Path]]:
    """This code against ``base`` (a commit) on the same input, one after the other."""
    with tempfile.TemporaryDirectory(prefix="gofteman-bench-") as temporary:
        root = Path(temporary)
        documents = write_documents(data_dir, BENCH_COMPARE_SENTENCES, root / "documents.jsonl")
        worktree = root / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(worktree), base],
                       cwd=PROJECT_DIR, check=True)
        try:
            commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=worktree, check=True,
                                    capture_output=True, text=True).stdout.strip()
            shim = root / "shim"
            shim.mkdir()
            (shim / "gofteman").symlink_to(worktree / "pipeline")
            base_result = measured_run(documents, root / "base-run", worktree, {"PYTHONPATH": str(shim)}, [])
            current = current_run(documents, root / "current-run", engine_args)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=PROJECT_DIR, check=False)
    scores = {"input": {"sentences": BENCH_COMPARE_SENTENCES, "documents": base_result["documents"],
                        "source": str(RAW_SENTENCES)},
              "machine": machine(), "engine": " ".join(engine_args) or "default",
              "base": {"commit": commit, **base_result}, "current": current,
              "speedup": base_result["seconds"] / current["seconds"]}
    return scores, [data_dir / RAW_SENTENCES]


def run_scale(data_dir: Path, sizes: tuple[int, ...], engine_args: list[str]) -> tuple[dict, list[Path]]:
    """This code on inputs of growing size: time, words per second and peak memory of each."""
    runs = []
    with tempfile.TemporaryDirectory(prefix="gofteman-scale-") as temporary:
        root = Path(temporary)
        for size in sizes:
            documents = write_documents(data_dir, size, root / f"documents-{size}.jsonl")
            runs.append({"input_sentences": size, **current_run(documents, root / f"run-{size}", engine_args)})
    return {"machine": machine(), "engine": " ".join(engine_args) or "default", "runs": runs}, [data_dir / RAW_SENTENCES]
