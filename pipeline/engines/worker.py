"""What every engine shares: the result of a failed document, and a stage built once in a worker."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

import psutil

from gofteman.constants import TRIM_AFTER_GROWTH_MB
from gofteman.stages import STAGE_NAMES, STAGES
from gofteman.stages.base import Stage, StageResult

Item = tuple[str, str]  # (document id, the previous stage's artifact)


class DocumentFailure(Exception):
    """Why one document failed in a stage; only its message travels between processes (the
    original exception may not be picklable)."""


class Engine(Protocol):
    workers: int

    def results(self, stage: type[Stage], settings: dict[str, Any],
                items: Iterable[Item]) -> Iterator[StageResult | Exception]:
        """One result per item, in order."""

    def close(self) -> None:
        """Stops the workers."""


def usable_cores() -> int:
    """The CPU cores this process may run on (a container's or a job's share, where the machine
    has more)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """The items in lists of ``size`` (the last shorter), read as they are needed."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def failure(error: Exception) -> DocumentFailure:
    return error if isinstance(error, DocumentFailure) else DocumentFailure(str(error))


def stage_class(name: str) -> type[Stage]:
    return STAGES[STAGE_NAMES.index(name)]


def exit_if_fault_injected(folder: str | None) -> None:
    """Kills this worker, for the tests of the engines' retries: a worker about to run a chunk
    that can take (remove) one of the files of ``folder`` (``GOFTEMAN_FAULT_TOKENS``, read where
    the run starts) exits at once, as a worker killed by the system would. Each file kills one."""
    for token in sorted(Path(folder).iterdir()) if folder else ():
        try:
            token.unlink()
        except FileNotFoundError:  # another worker took it
            continue
        os._exit(1)


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none (macOS, musl)."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_MALLOC_TRIM = _malloc_trim()


def release_free_memory() -> None:
    """Hands the memory that Python and torch freed back to the system. glibc keeps freed blocks
    in its heaps for reuse, and the tensors of batches of ever new shapes leave them fragmented:
    without this a worker's resident memory creeps up by hundreds of megabytes over a corpus."""
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


def resident_bytes() -> int:
    return psutil.Process().memory_info().rss


class StageWorker:
    """The stage a worker holds: built once for its name and settings, rebuilt only when asked
    for another (one stage's models in memory at a time)."""

    def __init__(self, fault_folder: str | None = None) -> None:
        self.key: tuple[str, str] | None = None
        self.stage: Stage | None = None
        self.fault_folder = fault_folder
        self.resident_after_trim = 0

    def stage_for(self, name: str, settings: dict[str, Any]) -> Stage:
        key = (name, repr(sorted(settings.items())))
        if key != self.key:
            self.stage, self.key = None, None  # the old models go before the new ones load
            gc.collect()  # what of them is in reference cycles goes now, not at some later collection
            self.trim()
            self.stage, self.key = stage_class(name).build(settings), key
        return self.stage

    def trim(self) -> None:
        release_free_memory()
        self.resident_after_trim = resident_bytes()

    def trim_if_grown(self) -> None:
        """Trims where the worker grew by ``TRIM_AFTER_GROWTH_MB`` since it last did: a trim after
        every chunk costs the time of taking the pages back from the system for the next one."""
        if resident_bytes() > self.resident_after_trim + TRIM_AFTER_GROWTH_MB * 2**20:
            self.trim()

    def run(self, name: str, settings: dict[str, Any], items: list[Item]) -> list[StageResult | DocumentFailure]:
        exit_if_fault_injected(self.fault_folder)
        results = [failure(result) if isinstance(result, Exception) else result
                   for result in self.stage_for(name, settings).process_batch(items)]
        self.trim_if_grown()
        return results
