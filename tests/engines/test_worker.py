import platform

import psutil
import pytest

from gofteman.constants import TRIM_AFTER_GROWTH_MB
from gofteman.engines.worker import StageWorker, release_free_memory

glibc = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")


def freed_but_fragmented(megabytes: int) -> list[bytes]:
    """Allocates and frees ``megabytes`` in blocks of malloc's (not Python's small-object arenas);
    the few blocks returned stay, scattered, so glibc cannot shrink its heap from the top."""
    blocks = [bytes(2000) for _ in range(megabytes * 500)]
    return blocks[::200]


@glibc
def test_freed_memory_goes_back_to_the_system():
    process = psutil.Process()
    kept = freed_but_fragmented(200)
    before = process.memory_info().rss
    release_free_memory()
    assert before - process.memory_info().rss > 100 * 2**20
    assert len(kept) == 500


@glibc
def test_a_worker_trims_only_once_it_has_grown():
    worker = StageWorker()
    worker.trim()
    trimmed = worker.resident_after_trim
    worker.trim_if_grown()
    assert worker.resident_after_trim == trimmed  # not grown: no trim
    kept = freed_but_fragmented(3 * TRIM_AFTER_GROWTH_MB)
    grown = psutil.Process().memory_info().rss
    worker.trim_if_grown()
    assert grown - worker.resident_after_trim > TRIM_AFTER_GROWTH_MB * 2**20
    assert kept
