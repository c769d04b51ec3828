"""The Ray engine on a local two-worker Ray cluster, started once for these tests."""

from pathlib import Path

import pytest

from gofteman.constants import FAULT_INJECTION_ENV, STATUS_OK
from gofteman.engines import make_engine, ray_engine
from gofteman.engines.local import InProcessEngine
from tests.engines.conftest import run, written_files

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'gofteman[ray]')")

WORKERS = 2


@pytest.fixture(scope="module")
def fault_folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("faults")


@pytest.fixture(scope="module")
def cluster(fault_folder: Path):
    """A local Ray cluster of two CPUs, whose workers look for fault tokens in ``fault_folder``
    (empty unless a test puts one there)."""
    ray.init(num_cpus=WORKERS, include_dashboard=False, logging_level="ERROR",
             runtime_env={"env_vars": {FAULT_INJECTION_ENV: str(fault_folder)}})
    yield
    ray.shutdown()


@pytest.mark.slow
def test_ray_writes_what_a_local_run_writes(cluster, documents: Path, tmp_path: Path):
    on_ray = run(documents, tmp_path / "ray", None, make_engine("ray", WORKERS))
    run(documents, tmp_path / "local", None, InProcessEngine())
    assert len(on_ray.records) > 4 and all(record.status == STATUS_OK for record in on_ray.records)
    assert written_files(tmp_path / "ray") == written_files(tmp_path / "local")
    assert ray.is_initialized()  # a cluster the engine did not start is left running


def test_a_dead_ray_worker_is_restarted_and_its_batch_run_again(cluster, fault_folder, documents, tmp_path,
                                                               monkeypatch):
    monkeypatch.setattr(ray_engine, "RAY_DOCUMENTS_PER_DATASET", 7)  # several Datasets a stage
    (fault_folder / "kill").write_text("")
    killed = run(documents, tmp_path / "killed", ["normalize", "tokenize"], make_engine("ray", WORKERS))
    assert not list(fault_folder.iterdir())  # a worker did die
    run(documents, tmp_path / "plain", ["normalize", "tokenize"], InProcessEngine())
    assert all(record.status == STATUS_OK for record in killed.records)
    assert written_files(tmp_path / "killed") == written_files(tmp_path / "plain")
