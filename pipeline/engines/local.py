"""The engines of one machine: the stages in this process, or in worker processes.

Worker processes are forked from a fork server that has imported the libraries (``spawn``
where there is none) and share the CPU cores: each sets torch to its share of them. A stage's
documents go to the workers in chunks of ``DOCUMENTS_PER_TASK``, a few chunks ahead of the one
being written, so memory does not grow with the corpus. A worker that dies (killed, out of
memory) takes its pool with it: the pool is started again and the unfinished chunks run again,
once; the documents of a chunk that kills its worker twice fail, with the reason, and the
others go on. A run that is killed takes its workers and their fork server with it.
"""

from __future__ import annotations

import os
import select
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from typing import Any

from gofteman.constants import (DOCUMENTS_PER_TASK, FAULT_INJECTION_ENV, RUN_ALIVE_CHECK_SECONDS,
                                TASKS_AHEAD_PER_WORKER)
from gofteman.engines.worker import DocumentFailure, Item, StageWorker, chunked, usable_cores
from gofteman.stages.base import Stage, StageResult


class InProcessEngine:
    """The stages in this process, one after the other (``--workers 1``)."""

    workers = 1

    def __init__(self) -> None:
        self.worker = StageWorker()

    def results(self, stage: type[Stage], settings: dict[str, Any],
                items: Iterable[Item]) -> Iterator[StageResult | Exception]:
        yield from self.worker.stage_for(stage.name, settings).process_batch(items)

    def close(self) -> None:
        self.worker = StageWorker()


_worker: StageWorker | None = None
#: imported once, by the fork server, before it forks the workers
FORKSERVER_PRELOAD = ["gofteman.engines.local", "gofteman.engines.preload"]


def _start_worker(run_pid: int, torch_threads: int, fault_folder: str | None) -> None:
    global _worker
    import torch

    exit_with_run(run_pid)
    torch.set_num_threads(torch_threads)
    _worker = StageWorker(fault_folder)


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # there, but another user's
        return True
    return True


def exit_with_run(run_pid: int) -> None:
    """Ends this worker as soon as the run ``run_pid`` is gone. A run killed with SIGKILL closes
    nothing a worker waits on: the fork server gives every worker both ends of its queues, and
    each worker keeps the fork server alive. Without this they would all wait for the dead run
    forever, holding the models' memory."""
    def wait_for_the_run() -> None:
        try:
            run = os.pidfd_open(run_pid)  # Linux: wakes when the run exits, whatever its pid becomes
        except (AttributeError, OSError):
            run = None
        if run is not None:
            select.select([run], [], [])
        else:
            while _process_exists(run_pid):
                time.sleep(RUN_ALIVE_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=wait_for_the_run, name="gofteman-exit-with-run", daemon=True).start()


def _run_chunk(name: str, settings: dict[str, Any], items: list[Item]) -> list[StageResult | DocumentFailure]:
    return _worker.run(name, settings, items)


def worker_context() -> BaseContext:
    """``forkserver`` where there is one: a server process imports the heavy libraries once and
    forks each worker from that (5% faster end to end on 2 cores than ``spawn``, where every
    worker imports them again); ``spawn`` elsewhere (Windows). Neither inherits torch's threads."""
    if "forkserver" not in get_all_start_methods():
        return get_context("spawn")
    context = get_context("forkserver")
    context.set_forkserver_preload(FORKSERVER_PRELOAD)
    return context


class ProcessEngine:
    """The stages in ``workers`` processes of this machine (``--workers N``)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.torch_threads = max(1, usable_cores() // workers)
        self.pool: ProcessPoolExecutor | None = None

    def _submit(self, name: str, settings: dict[str, Any], chunk: list[Item]) -> Future:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(self.workers, mp_context=worker_context(),
                                            initializer=_start_worker,
                                            initargs=(os.getpid(), self.torch_threads,
                                                      os.environ.get(FAULT_INJECTION_ENV)))
        try:
            return self.pool.submit(_run_chunk, name, settings, chunk)
        except BrokenProcessPool as error:
            # a worker died since the last submission: the chunk is collected like the others
            # of the broken pool (rerun alone after a restart)
            broken: Future = Future()
            broken.set_exception(error)
            return broken

    def _restart(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = None

    def results(self, stage: type[Stage], settings: dict[str, Any],
                items: Iterable[Item]) -> Iterator[StageResult | Exception]:
        pending: deque[list] = deque()  # [chunk, future], in the documents' order
        for chunk in chunked(items, DOCUMENTS_PER_TASK):
            pending.append([chunk, self._submit(stage.name, settings, chunk)])
            while len(pending) > self.workers * TASKS_AHEAD_PER_WORKER:
                yield from self._collect(stage, settings, pending)
        while pending:
            yield from self._collect(stage, settings, pending)

    def _collect(self, stage: type[Stage], settings: dict[str, Any], pending: deque) -> list:
        """The results of the first pending chunk, waiting for it. If the pool went down, that
        chunk runs again on its own (so a chunk that kills its worker is the one that fails),
        then every other unfinished one is submitted again."""
        chunk, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            self._restart()
            try:
                results = self._submit(stage.name, settings, chunk).result()
            except BrokenProcessPool:
                self._restart()
                results = [DocumentFailure(f"its worker process died twice, the second time running only "
                                           f"its chunk of {len(chunk)} documents (killed, or out of memory?)")
                           for _ in chunk]
            for entry in pending:
                if not (entry[1].done() and not entry[1].cancelled() and entry[1].exception() is None):
                    entry[1] = self._submit(stage.name, settings, entry[0])
            return results

    def close(self) -> None:
        self._restart()
