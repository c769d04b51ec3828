"""Inputs and helpers for the engine tests: the same documents run on two engines must give the
same files, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gofteman.constants import DEFAULT_MAX_DOCUMENT_BYTES
from gofteman.runner import RunReport, Runner, select_stages
from tests.conftest import SEED_DOCUMENT


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    """The seed's paragraphs as documents of one JSONL file (so that there are several)."""
    paragraphs = [p for p in SEED_DOCUMENT.read_text(encoding="utf-8").split("\n") if p.strip()]
    path = tmp_path / "documents.jsonl"
    path.write_text("".join(json.dumps({"id": f"p{index:02d}", "text": paragraph}, ensure_ascii=False) + "\n"
                            for index, paragraph in enumerate(paragraphs)), encoding="utf-8")
    return path


def run(input_path: Path, folder: Path, stages: list[str] | None, engine) -> RunReport:
    return Runner(input_path, folder / "out", folder / "work", select_stages(stages), max_bytes=DEFAULT_MAX_DOCUMENT_BYTES,
                  progress=False, engine=engine).run()


def written_files(folder: Path) -> dict[str, bytes]:
    """Every file a run wrote (artifacts, stamps, corpus, manifest), by path within the run."""
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}
