"""Cue lexicons of the frame rules: one TSV file each under ``schemas/frames/lexicons/``.

A lexicon file has the header ``entry<TAB>sense`` and one cue a line: the entry (a lemma or a
normalised form, as the rule that reads it matches) and a note on the sense it is a cue in.
Lines starting with ``#`` are comments. A rule pattern names a lexicon as ``"@name"``: as the
list of ``IN``/``NOT_IN`` (``{LEMMA: {IN: "@threat_nouns"}}``), or as a ``REGEX``, which then
matches any word that starts with one of the entries (inflected forms: «توطئه‌های»). An entry
that ends with ``$`` matches only the whole word, also as a ``REGEX`` («حل$»: not «حلقوم»).
"""

from __future__ import annotations

import re
from pathlib import Path

from gofteman.constants import ZWNJ

LEXICON_HEADER = ("entry", "sense")
LEXICON_REFERENCE = "@"
WHOLE_WORD = "$"


class LexiconError(ValueError):
    """A lexicon file or a reference to a lexicon that is wrong, naming the file and line."""


def read_lexicon(path: Path) -> list[str]:
    """The entries of one lexicon file, in file order."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"{path}: cannot read the lexicon: {error}") from None
    entries: dict[str, int] = {}
    header_seen = False
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != LEXICON_HEADER:
                raise LexiconError(f"{path}:{number}: expected the header {'<TAB>'.join(LEXICON_HEADER)!r}, got {line!r}")
            header_seen = True
            continue
        if len(fields) != 2 or not fields[0].strip() or not fields[1].strip():
            raise LexiconError(f"{path}:{number}: expected an entry and its sense note, tab-separated, got {line!r}")
        entry = fields[0].strip()
        if entry in entries:
            raise LexiconError(f"{path}:{number}: {entry!r} is already listed on line {entries[entry]}")
        entries[entry] = number
    if not entries:
        raise LexiconError(f"{path}: the lexicon has no entries")
    return list(entries)


def read_lexicons(paths: list[Path]) -> list[str]:
    """The entries of one lexicon kept in several files (the in-group and the country's towns), in
    file order; an entry listed in two of them is an error."""
    entries: dict[str, Path] = {}
    for path in paths:
        for entry in read_lexicon(path):
            if entry in entries:
                raise LexiconError(f"{path}: {entry!r} is already listed in {entries[entry]}")
            entries[entry] = path
    return list(entries)


def expand(value: object, lexicons: dict[str, list[str]], where: str) -> object:
    """A pattern (or part of one) with every ``"@name"`` replaced by its lexicon."""
    if isinstance(value, list):
        return [expand(item, lexicons, where) for item in value]
    if not isinstance(value, dict):
        return value
    result = {}
    for key, item in value.items():
        if isinstance(item, str) and item.startswith(LEXICON_REFERENCE) and key in ("IN", "NOT_IN", "REGEX"):
            name = item[len(LEXICON_REFERENCE):]
            if name not in lexicons:
                raise LexiconError(f"{where}: unknown lexicon {item!r}; the lexicons are: {', '.join(sorted(lexicons))}")
            entries = lexicons[name]
            item = ([entry.removesuffix(WHOLE_WORD) for entry in entries] if key != "REGEX"
                    else "^(" + "|".join(map(_regex, sorted(entries, key=len, reverse=True))) + ")")
        result[key] = expand(item, lexicons, where)
    return result


def _regex(entry: str) -> str:
    """The entry as a regex that matches its spellings with and without ZWNJs: Persian writes
    «ضدانقلاب» and «ضد‌انقلاب», «بهره‌برداری» and «بهرهبرداری», and the ZWNJ repair may add one."""
    whole = entry.endswith(WHOLE_WORD)
    letters = entry.removesuffix(WHOLE_WORD).replace(ZWNJ, "")
    return (re.escape(ZWNJ) + "?").join(map(re.escape, letters)) + ("$" if whole else "")
