import platform

import psutil
import pytest

from gofteman.engines.worker import release_free_memory


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")
def test_freed_memory_goes_back_to_the_system():
    process = psutil.Process()
    blocks = [bytes(2000) for _ in range(100_000)]  # 200 MB, malloc's (not Python's small-object arenas)
    kept = blocks[::200]  # a few blocks stay, scattered: glibc cannot shrink its heap from the top
    del blocks
    before = process.memory_info().rss
    release_free_memory()
    assert before - process.memory_info().rss > 100 * 2**20
    assert len(kept) == 500
