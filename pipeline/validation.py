"""The official UD validator (``udtools``), run in-process on corpus files.

UPOS, HEAD and DEPREL stay ``_`` until the models fill them, but the validator's level 2
requires a UPOS tag and a tree, and stops checking a sentence (MISC, sent_id, text against
forms...) at the first word without a HEAD. A file in which no word has a HEAD is therefore
validated through a copy with placeholders (``with_placeholders``: UPOS ``X`` where it is ``_``,
a flat tree), so that every other level-2 test still runs; the placeholders never reach the
corpus. A file with any HEAD is validated exactly as it is.
"""

from __future__ import annotations

import argparse
import io
import tempfile
from pathlib import Path

from udtools.validator import Validator

from gofteman import conllu
from gofteman.constants import LANGUAGE

MAX_REPORTED_ERRORS = 20
PLACEHOLDER_NOTE = ("(not yet tagged or parsed: checked with placeholder UPOS X and a flat tree; "
                    "every other test as is)\n")


def with_placeholders(sentences: list[conllu.Sentence]) -> list[conllu.Sentence]:
    """Copies of the sentences with UPOS ``X`` where it is ``_``, the first word as root and
    every other word its ``dep``."""
    copies = []
    for sentence in sentences:
        copy = conllu.Sentence(list(sentence.comments), [list(row) for row in sentence.rows])
        for index, row in enumerate(copy.words()):
            row[conllu.HEAD], row[conllu.DEPREL] = ("0", "root") if index == 0 else ("1", "dep")
            if row[conllu.UPOS] == "_":
                row[conllu.UPOS] = "X"
        copies.append(copy)
    return copies


def _run_validator(path: Path, level: int) -> tuple[bool, str]:
    output = io.StringIO()
    options = argparse.Namespace(max_err=MAX_REPORTED_ERRORS)
    state = Validator(lang=LANGUAGE, level=level, args=options, output=output).validate_files([str(path)])
    return state.passed(), f"{output.getvalue()}{state}"


def validate_file(path: Path, level: int = 2) -> tuple[bool, str]:
    """Runs the validator on one file; returns whether it passed and what it reported."""
    sentences = conllu.read(path)
    if any(row[conllu.HEAD] != "_" for sentence in sentences for row in sentence.words()):
        return _run_validator(path, level)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        conllu.write(copy, with_placeholders(sentences))
        passed, report = _run_validator(copy, level)
    return passed, PLACEHOLDER_NOTE + report


def validate_files(paths: list[Path], level: int = 2) -> list[tuple[Path, str]]:
    """Validates each file on its own; returns ``(path, report)`` for those that fail."""
    failures = []
    for path in paths:
        passed, report = validate_file(path, level)
        if not passed:
            failures.append((path, report))
    return failures
