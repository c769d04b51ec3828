"""The official UD validator (``udtools``), run in-process on corpus files.

HEAD and DEPREL stay ``_`` until a parser fills them, but the validator's level 2 requires a
tree. A file in which no word has a HEAD is therefore validated with the tree tests listed in
``UNPARSED_EXCLUDED_TESTS`` switched off, and only those; as soon as any HEAD is filled, the
file gets the full level.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from udtools.validator import Validator

from pipeline import conllu
from pipeline.constants import LANGUAGE

#: Validator tests that need a dependency tree (HEAD as an integer).
UNPARSED_EXCLUDED_TESTS = ("invalid-head", "unknown-head")
MAX_REPORTED_ERRORS = 20


def is_parsed(path: Path) -> bool:
    return any(row[conllu.HEAD] != "_" for sentence in conllu.read(path) for row in sentence.words())


def validate_file(path: Path, level: int = 2) -> tuple[bool, str]:
    """Runs the validator on one file; returns whether it passed and what it reported."""
    exclude = [] if is_parsed(path) else list(UNPARSED_EXCLUDED_TESTS)
    options = argparse.Namespace(exclude=exclude, max_err=MAX_REPORTED_ERRORS)
    output = io.StringIO()
    validator = Validator(lang=LANGUAGE, level=level, args=options, output=output)
    state = validator.validate_files([str(path)])
    note = f"(tree tests {', '.join(exclude)} skipped: no HEAD annotated)\n" if exclude else ""
    return state.passed(), f"{note}{output.getvalue()}{state}"


def validate_files(paths: list[Path], level: int = 2) -> list[tuple[Path, str]]:
    """Validates each file on its own; returns ``(path, report)`` for those that fail."""
    failures = []
    for path in paths:
        passed, report = validate_file(path, level)
        if not passed:
            failures.append((path, report))
    return failures
