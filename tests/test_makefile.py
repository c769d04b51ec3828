"""The Makefile: stage targets see every real input, and reruns only what changed."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gofteman.constants import PROJECT_DIR
from gofteman.stages import STAGES

MAKEFILE = PROJECT_DIR / "Makefile"


def prerequisites(target_stage: str) -> set[str]:
    """The prerequisites of a stage's file target, with make variables expanded."""
    text = MAKEFILE.read_text(encoding="utf-8")
    variables = dict(re.findall(r"^([A-Z_]+) [:?]?= (.*)$", text, re.MULTILINE))
    rule = re.search(rf"^\$\(BUILD\)/{target_stage}\.done: (.*)$", text, re.MULTILINE).group(1)
    for _ in range(3):  # variables of variables
        rule = re.sub(r"\$\(([A-Z_]+)\)", lambda m: variables.get(m.group(1), m.group(1)), rule)
    rule = re.sub(r"\$\(wildcard ([^)]*)\)", lambda m: " ".join(
        str(path.relative_to(PROJECT_DIR)) for pattern in m.group(1).split() for path in PROJECT_DIR.glob(pattern)), rule)
    return set(rule.split())


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.name)
def test_every_input_of_a_stage_is_a_prerequisite_of_its_target(stage):
    needed = {str(path.relative_to(PROJECT_DIR)) for path in stage.input_files()}
    assert needed <= prerequisites(stage.name)


def make(project: Path, *args: str) -> str:
    venv = Path(sys.executable).parent.parent
    # the venv's gofteman is the checkout it was installed from; the copy's own code is imported
    # through a link named gofteman, found on PYTHONPATH before the editable install's finder
    shim = project.parent / "import-shim"
    if not shim.exists():
        shim.mkdir()
        (shim / "gofteman").symlink_to(project / "pipeline", target_is_directory=True)
    environment = {**os.environ, "PYTHONPATH": str(shim)}
    result = subprocess.run(["make", "--no-print-directory", f"VENV={venv}", *args], cwd=project,
                            capture_output=True, text=True, timeout=600, env=environment)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.mark.slow
def test_incremental_rebuild(tmp_path):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    project = tmp_path / "project"
    shutil.copytree(PROJECT_DIR, project, ignore=shutil.ignore_patterns(".venv", "build", ".git", "corpus",
                                                                          "__pycache__", ".pytest_cache"))
    venv_stamp = Path(sys.executable).parent.parent / ".installed"
    if not venv_stamp.exists():
        pytest.skip("the test environment is not the Makefile's venv")
    old = venv_stamp.stat().st_mtime - 10
    os.utime(project / "pyproject.toml", (old, old))  # the venv counts as up to date

    first = make(project, "corpus")
    assert "normalize: 1 ran" in first and "write: 1 ran" in first
    assert (project / "corpus" / "conllu" / "000_67594997d190f86c.conllu").exists()

    assert "Nothing to be done for 'corpus'" in make(project, "corpus")

    config = project / "schemas" / "normalize.yaml"
    config.touch()
    touched = make(project, "corpus")
    assert "--stages normalize" in touched and "normalize: 0 ran, 1 unchanged" in touched
    assert "tokenize: 0 ran, 1 unchanged" in touched  # same normalised output: nothing more to do

    config.write_text(config.read_text(encoding="utf-8").replace("zwnj_repair: true", "zwnj_repair: false"),
                      encoding="utf-8")
    edited = make(project, "corpus")
    for stage in ("normalize", "tokenize", "mwt", "tag", "ner", "speakers", "frames", "write"):
        assert f"{stage}: 1 ran" in edited
    corpus = (project / "corpus" / "conllu" / "000_67594997d190f86c.conllu").read_text(encoding="utf-8")
    assert "Norm=تأمین\u200cاجتماعی" not in corpus  # a compound only the repair splits

    (project / "schemas" / "tokenize.yaml").touch()
    only_later = make(project, "corpus")
    assert "--stages normalize" not in only_later and "--stages tokenize" in only_later
