from pathlib import Path

import pytest

from gofteman.constants import FAULT_INJECTION_ENV, STATUS_FAILED, STATUS_OK
from gofteman.engines import local, make_engine
from gofteman.engines.local import InProcessEngine, ProcessEngine
from tests.engines.conftest import run, written_files


def test_make_engine_checks_its_arguments():
    assert isinstance(make_engine(workers=1), InProcessEngine)
    assert make_engine(workers=3).workers == 3
    with pytest.raises(ValueError, match="unknown engine 'spark': use one of local, ray"):
        make_engine("spark")
    with pytest.raises(ValueError, match="--workers must be at least 1, not 0"):
        make_engine(workers=0)
    with pytest.raises(ValueError, match="--address is for --engine ray"):
        make_engine(workers=2, address="ray://head:10001")


@pytest.mark.slow
def test_worker_processes_write_what_one_process_writes(documents: Path, tmp_path: Path):
    one = run(documents, tmp_path / "one", None, InProcessEngine())
    two = run(documents, tmp_path / "two", None, ProcessEngine(2))
    assert len(one.records) > 4 and all(record.status == STATUS_OK for record in two.records)
    assert written_files(tmp_path / "two") == written_files(tmp_path / "one")


def fault_tokens(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "faults"
    folder.mkdir()
    for number in range(count):
        (folder / f"kill-{number}").write_text("")
    return folder


def test_a_killed_worker_is_replaced_and_its_documents_run_again(documents, tmp_path, monkeypatch):
    monkeypatch.setenv(FAULT_INJECTION_ENV, str(fault_tokens(tmp_path, 1)))
    killed = run(documents, tmp_path / "killed", ["normalize", "tokenize"], ProcessEngine(2))
    assert not list((tmp_path / "faults").iterdir())  # a worker did die
    monkeypatch.delenv(FAULT_INJECTION_ENV)
    run(documents, tmp_path / "plain", ["normalize", "tokenize"], InProcessEngine())
    assert all(record.status == STATUS_OK for record in killed.records)
    assert written_files(tmp_path / "killed") == written_files(tmp_path / "plain")


def test_documents_that_kill_their_worker_twice_fail_and_the_others_go_on(documents, tmp_path, monkeypatch):
    monkeypatch.setattr(local, "DOCUMENTS_PER_TASK", 1)  # one document a chunk: the first one is killed twice
    monkeypatch.setenv(FAULT_INJECTION_ENV, str(fault_tokens(tmp_path, 2)))
    report = run(documents, tmp_path / "run", ["normalize"], ProcessEngine(1))
    first, *others = sorted(report.records, key=lambda record: record.doc_id)
    assert first.status == STATUS_FAILED
    assert first.reason.startswith("normalize: its worker process died twice, the second time running only its chunk")
    assert others and all(record.status == STATUS_OK for record in others)
    assert (tmp_path / "run" / "work" / "normalize" / f"{others[0].doc_id}.json").exists()


@pytest.mark.parametrize("wait", ["pidfd", "polling"])
def test_a_worker_exits_when_its_run_is_gone(wait: str):
    """The worker's watch on its run, on Linux's pidfd and on the polling used elsewhere: a
    stand-in run is killed, and the process watching it ends at once instead of waiting on."""
    import subprocess
    import sys

    run_process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    no_pidfd = "import os; os.__dict__.pop('pidfd_open', None); " if wait == "polling" else ""
    watcher = subprocess.Popen([sys.executable, "-c",
                                f"{no_pidfd}import time; from gofteman.engines.local import exit_with_run; "
                                f"exit_with_run({run_process.pid}); time.sleep(120)"])
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            watcher.wait(timeout=2)  # alive while the run is
        run_process.kill()
        run_process.wait()
        assert watcher.wait(timeout=20) == 1
    finally:
        for process in (watcher, run_process):
            process.kill()
            process.wait()
