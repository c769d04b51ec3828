"""Where the stages run: in this process, in worker processes on this machine, or on Ray.

An engine turns one stage's documents into that stage's results. The runner decides what to
run (caching), writes every file and keeps the manifest; an engine only computes, so every
engine writes the same files byte for byte. Each yields one result per document, in the
documents' order: a ``StageResult``, or a ``DocumentFailure`` saying why that document failed.
"""

from __future__ import annotations

from gofteman.constants import ENGINE_LOCAL, ENGINE_RAY, ENGINES, MAX_DEFAULT_WORKERS
from gofteman.engines.local import InProcessEngine, ProcessEngine
from gofteman.engines.worker import DocumentFailure, Engine, usable_cores


def default_workers() -> int:
    """One worker per CPU core, at most ``MAX_DEFAULT_WORKERS`` (each holds its own models)."""
    return max(1, min(usable_cores(), MAX_DEFAULT_WORKERS))


def make_engine(name: str = ENGINE_LOCAL, workers: int | None = None, address: str | None = None) -> Engine:
    """``local`` with one worker runs the stages in this process; with more, in that many
    worker processes. ``ray`` runs them on a Ray cluster (``address``; a local one if None)."""
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r}: use one of {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise ValueError(f"--workers must be at least 1, not {workers}")
    if name == ENGINE_RAY:
        from gofteman.engines.ray_engine import RayEngine

        return RayEngine(address, workers)
    if address:
        raise ValueError("--address is for --engine ray")
    workers = workers or default_workers()
    return InProcessEngine() if workers == 1 else ProcessEngine(workers)


__all__ = ["DocumentFailure", "Engine", "default_workers", "make_engine"]
