"""The stages on a Ray cluster, with Ray Data (``gofteman run --engine ray``).

A stage's documents become Ray Datasets of rows (id, artifact), ``RAY_DOCUMENTS_PER_DATASET``
documents each, so that this process never holds a whole corpus. ``map_batches`` sends them,
``DOCUMENTS_PER_TASK`` at a time, through a pool of actors; each actor builds the stage once (its
models loaded once a Dataset) and keeps it for every batch it gets. The results come back to
this process in the documents' order and the runner writes them, so the files are the ones a
local run writes, byte for byte, and the manifest accounts for every document. Ray Data restarts an actor
whose process dies and runs its batch again (its actors' default ``max_restarts`` and
``max_task_retries`` are -1; ``tests/engines/test_ray_engine.py`` kills one).

An optional extra: ``pip install 'gofteman[ray]'``. Every node of a cluster needs gofteman
installed the same way (same code, models and schemas), as a Ray worker imports it.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from typing import Any

from gofteman.constants import DOCUMENTS_PER_TASK, FAULT_INJECTION_ENV, RAY_DOCUMENTS_PER_DATASET
from gofteman.engines.worker import DocumentFailure, Item, StageWorker, chunked
from gofteman.stages.base import Stage, StageResult

NO_ERROR = ""


class RayNotInstalledError(ValueError):
    """``--engine ray`` without Ray installed."""


class StageActor:
    """A Ray Data actor: one stage, built once, over batches of documents."""

    def __init__(self, name: str, settings: dict[str, Any]) -> None:
        self.name, self.settings = name, settings
        self.worker = StageWorker(os.environ.get(FAULT_INJECTION_ENV))

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        items = list(zip(batch["doc_id"].tolist(), batch["artifact"].tolist()))
        results = self.worker.run(self.name, self.settings, items)
        failed = [isinstance(result, DocumentFailure) for result in results]
        return {"doc_id": [doc_id for doc_id, _ in items],
                "output": ["" if bad else result.output for result, bad in zip(results, failed)],
                "warnings": [json.dumps([] if bad else result.warnings, ensure_ascii=False)
                             for result, bad in zip(results, failed)],
                "error": [str(result) if bad else NO_ERROR for result, bad in zip(results, failed)]}


class RayEngine:
    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        try:
            import ray
        except ImportError:
            raise RayNotInstalledError("--engine ray needs Ray: pip install 'gofteman[ray]'") from None
        self.started_here = not ray.is_initialized()
        if self.started_here:
            local = {"num_cpus": workers} if address is None and workers else {}
            ray.init(address=address, logging_level=logging.ERROR, include_dashboard=False, **local)
        self.workers = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        import ray.data

        for handler in logging.getLogger("ray.data").handlers:  # on the console, errors only (the
            if isinstance(handler, logging.StreamHandler):    # log file keeps the rest)
                handler.setLevel(logging.ERROR)
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False  # the runner shows its own

    def results(self, stage: type[Stage], settings: dict[str, Any],
                items: Iterable[Item]) -> Iterator[StageResult | Exception]:
        """The documents go to Ray ``RAY_DOCUMENTS_PER_DATASET`` at a time, one Dataset each, so
        that this process never holds more of a large corpus than that."""
        for window in chunked(items, RAY_DOCUMENTS_PER_DATASET):
            yield from self._window_results(stage, settings, window)

    def _window_results(self, stage: type[Stage], settings: dict[str, Any],
                        window: list[Item]) -> Iterator[StageResult | Exception]:
        import ray.data

        rows = [{"doc_id": doc_id, "artifact": artifact} for doc_id, artifact in window]
        mapped = ray.data.from_items(rows).map_batches(
            StageActor, fn_constructor_kwargs={"name": stage.name, "settings": settings},
            batch_size=DOCUMENTS_PER_TASK, compute=ray.data.ActorPoolStrategy(size=min(self.workers, len(rows))),
            num_cpus=1, udf_modifying_row_count=False)
        expected = iter(rows)
        for row in mapped.iter_rows():
            if row["doc_id"] != next(expected)["doc_id"]:
                raise RuntimeError(f"Ray returned {row['doc_id']} out of order")
            if row["error"] != NO_ERROR:
                yield DocumentFailure(row["error"])
            else:
                yield StageResult(row["output"], json.loads(row["warnings"]))

    def close(self) -> None:
        if self.started_here:
            import ray

            ray.shutdown()
