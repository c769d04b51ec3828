import json
import subprocess
import sys

import pytest

from gofteman.evaluation.bench_runs import MEMORY_SAMPLE_SECONDS, RAW_SENTENCES, PeakMemory, write_documents

HELD_SECONDS = 2 * MEMORY_SAMPLE_SECONDS + 0.5  # at least one sample falls while the memory is held


def test_benchmark_documents_hold_ten_sentences_and_reuse_the_text_when_it_runs_out(tmp_path):
    raw = tmp_path / RAW_SENTENCES
    raw.parent.mkdir()
    raw.write_text("یک.\nدو.\n\nسه.\n", encoding="utf-8")
    documents = [json.loads(line) for line in
                 write_documents(tmp_path, 25, tmp_path / "docs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [len(d["text"].split()) for d in documents] == [10, 10, 5]
    assert documents[0]["text"].startswith("یک. دو. سه. یک.")
    assert len({d["id"] for d in documents}) == 3


def test_benchmark_without_the_raw_text_says_where_it_looked(tmp_path):
    with pytest.raises(FileNotFoundError, match="perdt_train_sentences.txt not found"):
        write_documents(tmp_path, 10, tmp_path / "docs.jsonl")


def test_peak_memory_counts_the_child_processes():
    # a child that holds 300 MB for longer than a sampling interval
    code = ("import subprocess, sys; subprocess.run([sys.executable, '-c', 'import time; b = bytearray(300 << 20); "
            f"time.sleep({HELD_SECONDS})'])")
    process = subprocess.Popen([sys.executable, "-c", code])
    memory = PeakMemory(process.pid)
    process.wait()
    assert memory.stop() > 290


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PSS is Linux's")
def test_peak_memory_counts_pages_shared_with_a_forked_child_once():
    # 300 MB written, then a fork: parent and child share the pages (each one's RSS counts them all)
    code = (f"import os, time; b = b'x' * (300 << 20); pid = os.fork(); time.sleep({HELD_SECONDS}); "
            "pid and os.waitpid(pid, 0)")
    process = subprocess.Popen([sys.executable, "-c", code])
    memory = PeakMemory(process.pid)
    process.wait()
    assert 290 < memory.stop() < 450
