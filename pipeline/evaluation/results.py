"""Evaluation results as data: ``results/<name>.json``, written by each ``make eval-*`` and
``make bench``, read by everything that shows a score (the README, the model card, the dataset
card), so that a number is measured once and never typed.

A result records the scores, the command that produced them, the SHA-256 of every data file it
read, the code version (package version and git commit) and the date.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import subprocess
from pathlib import Path
from typing import Any

from gofteman.constants import PROJECT_DIR, RESULTS_DIR, VERSION


class MissingResultError(FileNotFoundError):
    """A result that a document or card shows has not been measured yet."""


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def code_version() -> dict[str, Any]:
    """The package version and, in a git checkout, the commit and whether files were modified."""
    version: dict[str, Any] = {"gofteman": VERSION}
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=PROJECT_DIR, capture_output=True,
                                text=True, check=True).stdout.strip()
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "pipeline", "schemas", "models"],
                                cwd=PROJECT_DIR, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return version
    version.update(commit=commit, modified=bool(status.strip()))
    return version


def write_result(name: str, scores: dict[str, Any], command: str, data_files: list[Path],
                 results_dir: Path = RESULTS_DIR) -> Path:
    """Writes ``results_dir/<name>.json`` and returns its path."""
    record = {
        "name": name,
        "command": command,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "code": code_version(),
        "data": {path.name: file_hash(path) for path in data_files},
        "scores": scores,
    }
    results_dir.mkdir(parents=True, exist_ok=True)
    path = results_dir / f"{name}.json"
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    temporary.replace(path)
    return path


def read_result(name: str, results_dir: Path = RESULTS_DIR) -> dict[str, Any]:
    path = results_dir / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MissingResultError(f"{path}: not measured yet (its `make eval-*` or `make bench` writes it)") from None
    except ValueError as error:
        raise ValueError(f"{path}: not a valid result file: {error}") from None
