"""Shared fixtures: Persian documents written for the tests, and the shared data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gofteman.constants import PROJECT_DIR

SHARED_DATA = Path(os.environ.get("DATA", PROJECT_DIR.parent / "shared" / "data"))
SEED_DOCUMENT = PROJECT_DIR / "seeds" / "000_67594997d190f86c.txt"

#: Glued words (lost ZWNJs) in running text, one paragraph per line.
GLUED_TEXT = (
    "ما هرگز ناامید نمیشویم و آینده کشور را روشن میبینیم.\n"
    "توطئههای دشمنان در سال 1401 خنثی شد!\n"
    "بیمهشدگان سازمان تأمیناجتماعی از خدمات جدید راضی هستند."
)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not (SHARED_DATA / "ud").is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (set DATA=path/to/shared/data)")
    return SHARED_DATA


@pytest.fixture
def input_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "input"
    folder.mkdir()
    (folder / "glued.txt").write_text(GLUED_TEXT, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def annotate():
    """Runs normalize and tokenize in memory: text -> CoNLL-U sentences."""
    from gofteman import conllu
    from gofteman.in_memory import annotate as annotate_until
    from gofteman.stages.tokenize import Tokenize

    def run(text: str, doc_id: str = "t", meta: dict | None = None) -> list[conllu.Sentence]:
        return annotate_until(text, Tokenize.name, doc_id, meta)

    return run


@pytest.fixture(scope="session")
def annotate_words():
    """Runs normalize, tokenize and mwt in memory: text -> CoNLL-U sentences of words."""
    from gofteman import conllu
    from gofteman.in_memory import annotate as annotate_until
    from gofteman.stages.mwt import SplitMultiwordTokens

    def run(text: str, doc_id: str = "t", meta: dict | None = None) -> list[conllu.Sentence]:
        return annotate_until(text, SplitMultiwordTokens.name, doc_id, meta)

    return run
