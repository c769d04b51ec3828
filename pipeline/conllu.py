"""A small, strict CoNLL-U reader and writer, the interchange format between stages.

Columns are kept as the strings they are in the file, so reading and writing a file gives back
the same bytes. Errors name the file and line. MISC values that hold arbitrary text (spacing,
normalised forms) are escaped as UDPipe does for ``SpacesAfter``: see ``escape_misc_value``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gofteman.constants import (
    COMMENT_NEWDOC,
    COMMENT_TEXT,
    JOINERS,
    MISC_NORM,
    MISC_SPACE_AFTER,
    MISC_SPACES_AFTER,
    MISC_SPACES_BEFORE,
)

COLUMNS = ("ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC")
ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC = range(10)
_WORD_ID = re.compile(r"[1-9][0-9]*")
_RANGE_ID = re.compile(r"[1-9][0-9]*-[1-9][0-9]*")
_EMPTY_ID = re.compile(r"[0-9]+\.[1-9][0-9]*")


class ConlluError(ValueError):
    """A CoNLL-U problem, located by file and line."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.path, self.line, self.reason = path, line, message
        where = f"{path or '<string>'}:{line}: " if line is not None else f"{path or '<string>'}: "
        super().__init__(where + message)


@dataclass
class Sentence:
    """Comment lines (what follows the ``#``, kept exactly) and token lines (10 columns)."""

    comments: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    def comment(self, key: str) -> str | None:
        """The value of ``# key = value``, or ``""`` for a bare ``# key``, or None."""
        for line in self.comments:
            name, sep, value = line.removeprefix(" ").partition(" = ")
            if name == key:
                return value if sep else ""
        return None

    def set_comment(self, key: str, value: str | None) -> None:
        """Sets ``# key = value`` (or a bare ``# key`` when value is None), replacing one."""
        line = f" {key}" if value is None else f" {key} = {value}"
        for index, existing in enumerate(self.comments):
            if existing.removeprefix(" ").partition(" = ")[0] == key:
                self.comments[index] = line
                return
        self.comments.append(line)

    def words(self) -> list[list[str]]:
        """Syntactic words: rows with an integer ID."""
        return [row for row in self.rows if _WORD_ID.fullmatch(row[ID])]

    def tokens(self) -> list[list[str]]:
        """Surface tokens: multiword-token ranges and the words outside any range."""
        result, covered_until = [], 0
        for row in self.rows:
            if _RANGE_ID.fullmatch(row[ID]):
                result.append(row)
                covered_until = int(row[ID].split("-")[1])
            elif _WORD_ID.fullmatch(row[ID]) and int(row[ID]) > covered_until:
                result.append(row)
        return result

    def token_words(self) -> list[tuple[list[str], list[list[str]]]]:
        """Each surface token with its syntactic words (a word outside any range is both)."""
        result: list[tuple[list[str], list[list[str]]]] = []
        covered_until = 0
        for row in self.rows:
            if _RANGE_ID.fullmatch(row[ID]):
                result.append((row, []))
                covered_until = int(row[ID].split("-")[1])
            elif _WORD_ID.fullmatch(row[ID]):
                if int(row[ID]) <= covered_until and result:
                    result[-1][1].append(row)
                else:
                    result.append((row, [row]))
        return result

    def normalized_forms(self) -> list[str]:
        """The surface tokens' normalised forms (MISC ``Norm``, else FORM): what models see."""
        return [normalized_form(row) for row in self.tokens()]

    def normalized_words(self) -> list[str]:
        """The syntactic words as models see them: their normalised forms (MISC ``Norm``, else
        FORM; a word of a multiword token has its own, the split of the normalised token)."""
        return [normalized_form(word) for word in self.words()]

    def word_spaces(self) -> list[bool]:
        """Whether whitespace follows each word: none inside a multiword token."""
        return [index == len(words) - 1 and misc_get(token[MISC], MISC_SPACE_AFTER) != "No"
                for token, words in self.token_words() for index in range(len(words))]

    @property
    def text(self) -> str:
        """The sentence text as UD writes it: forms joined by one space unless SpaceAfter=No."""
        parts = []
        tokens = self.tokens()
        for index, row in enumerate(tokens):
            parts.append(row[FORM])
            if index < len(tokens) - 1 and misc_get(row[MISC], MISC_SPACE_AFTER) != "No":
                parts.append(" ")
        return "".join(parts)


# --- MISC -----------------------------------------------------------------------------------
def parse_misc(misc: str) -> list[tuple[str, str]]:
    """``A=1|B=2`` -> ``[("A", "1"), ("B", "2")]``; ``_`` -> ``[]``."""
    if misc == "_":
        return []
    return [tuple(item.split("=", 1)) if "=" in item else (item, "") for item in misc.split("|")]


def format_misc(items: Iterable[tuple[str, str]]) -> str:
    text = "|".join(f"{key}={value}" for key, value in items)
    return text or "_"


def misc_get(misc: str, key: str) -> str | None:
    for name, value in parse_misc(misc):
        if name == key:
            return value
    return None


def misc_set(misc: str, key: str, value: str | None) -> str:
    """Sets (or with None removes) one MISC attribute, keeping the others in order."""
    items = [(name, old) for name, old in parse_misc(misc) if name != key]
    if value is not None:
        items.append((key, value))
    return format_misc(items)


_ESCAPES = {"\\": "\\\\", "|": "\\p", " ": "\\s", "\t": "\\t", "\r": "\\r", "\n": "\\n"}
_UNESCAPES = {value[1]: key for key, value in _ESCAPES.items()}


def escape_misc_value(text: str) -> str:
    """Escapes text for a MISC value: UDPipe's ``\\s \\t \\r \\n \\p \\\\`` plus ``\\uXXXX`` for
    other invisible or control characters (but not ZWNJ/ZWJ, which are part of Persian words),
    so that any string survives the round trip."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif not char.isprintable() and char not in JOINERS:  # joiners are spelling: kept readable
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
        else:
            out.append(char)
    return "".join(out)


def unescape_misc_value(text: str) -> str:
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char != "\\":
            out.append(char)
            index += 1
            continue
        code = text[index + 1 : index + 2]
        if code in _UNESCAPES:
            out.append(_UNESCAPES[code])
            index += 2
        elif code in ("u", "U"):
            width = 4 if code == "u" else 8
            digits = text[index + 2 : index + 2 + width]
            if len(digits) != width or not all(c in "0123456789abcdefABCDEF" for c in digits):
                raise ValueError(f"bad escape {text[index:index + 2 + width]!r} in {text!r}")
            out.append(chr(int(digits, 16)))
            index += 2 + width
        else:
            raise ValueError(f"bad escape {text[index:index + 2]!r} in {text!r}")
    return "".join(out)


def sorted_feats(feats: str) -> str:
    """FEATS in the order UD requires: by feature name, case-insensitively."""
    if feats == "_":
        return feats
    return "|".join(sorted(feats.split("|"), key=lambda item: item.split("=")[0].lower()))


def feats_dict(feats: str | None) -> dict[str, str]:
    """FEATS as a mapping of feature name to value; ``_`` or None is no feature."""
    if feats in (None, "", "_"):
        return {}
    return dict(feature.split("=", 1) for feature in feats.split("|"))


def normalized_form(row: list[str]) -> str:
    """A token's normalised form: MISC ``Norm``, else FORM."""
    return unescape_misc_value(misc_get(row[MISC], MISC_NORM) or "") or row[FORM]


def separator(misc: str) -> str:
    """The exact characters that follow a token in the original text."""
    spaces = misc_get(misc, MISC_SPACES_AFTER)
    if spaces is not None:
        return unescape_misc_value(spaces)
    return "" if misc_get(misc, MISC_SPACE_AFTER) == "No" else " "


def original_text(sentence: Sentence) -> str:
    """The sentence exactly as written in the original text, inner whitespace kept (``# text``
    follows UD and joins forms with one space)."""
    tokens = sentence.tokens()
    return "".join(row[FORM] + (separator(row[MISC]) if index < len(tokens) - 1 else "")
                   for index, row in enumerate(tokens))


def rebuild_text(sentences: Iterable[Sentence]) -> str:
    """The original document text, rebuilt from surface forms and spacing attributes."""
    parts: list[str] = []
    first = True
    for sentence in sentences:
        for row in sentence.tokens():
            if first:
                before = misc_get(row[MISC], MISC_SPACES_BEFORE)
                parts.append(unescape_misc_value(before) if before else "")
                first = False
            parts.append(row[FORM])
            parts.append(separator(row[MISC]))
    return "".join(parts)


def word_offsets(sentences: Iterable[Sentence]) -> list[list[tuple[int, int]]]:
    """Each sentence's words as character spans ``[start, end)`` of the rebuilt document text
    (``rebuild_text``); the words of a multiword token share the token's span."""
    result: list[list[tuple[int, int]]] = []
    position, first = 0, True
    for sentence in sentences:
        spans: list[tuple[int, int]] = []
        for token, words in sentence.token_words():
            if first:
                before = misc_get(token[MISC], MISC_SPACES_BEFORE)
                position += len(unescape_misc_value(before)) if before else 0
                first = False
            spans.extend([(position, position + len(token[FORM]))] * len(words))
            position += len(token[FORM]) + len(separator(token[MISC]))
        result.append(spans)
    return result


# --- reading and writing ---------------------------------------------------------------------
def parse(text: str, path: Path | str | None = None, strict: bool = True) -> list[Sentence]:
    """Parses CoNLL-U text; every problem names the line. ``strict=False`` accepts extra blank
    lines and a last sentence without its blank line (as some published treebanks have)."""
    sentences: list[Sentence] = []
    current = Sentence()
    started = False
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    elif text and strict:
        raise ConlluError("the file does not end with a newline", path, len(lines))
    for number, line in enumerate(lines, 1):
        if line == "":
            if not current.rows and not strict and not current.comments:
                continue  # an extra blank line
            if not current.rows:
                raise ConlluError("blank line without a sentence before it", path, number)
            sentences.append(current)
            current, started = Sentence(), False
        elif line.startswith("#"):
            if current.rows:
                raise ConlluError("comment line inside a sentence's token lines", path, number)
            current.comments.append(line[1:])
            started = True
        else:
            columns = line.split("\t")
            if len(columns) != 10:
                raise ConlluError(f"expected 10 tab-separated columns, found {len(columns)}", path, number)
            if not (_WORD_ID.fullmatch(columns[ID]) or _RANGE_ID.fullmatch(columns[ID])
                    or _EMPTY_ID.fullmatch(columns[ID])):
                raise ConlluError(f"invalid ID {columns[ID]!r}", path, number)
            if any(value == "" for value in columns):
                raise ConlluError("empty column (use '_' for no value)", path, number)
            current.rows.append(columns)
            started = True
    if started and strict:
        raise ConlluError("the last sentence is not followed by a blank line", path, len(lines))
    if started and current.rows:
        sentences.append(current)
    return sentences


def read(path: Path, strict: bool = True) -> list[Sentence]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ConlluError(f"not UTF-8 ({error.reason} at byte {error.start})", path) from None
    return parse(text, path, strict)


def format_sentences(sentences: Iterable[Sentence]) -> str:
    out = []
    for sentence in sentences:
        out.extend(f"#{comment}" for comment in sentence.comments)
        out.extend("\t".join(row) for row in sentence.rows)
        out.append("")
    return "\n".join(out) + ("\n" if out else "")


def write(path: Path, sentences: Iterable[Sentence]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(format_sentences(sentences), encoding="utf-8")


def document_id(sentences: list[Sentence]) -> str | None:
    for sentence in sentences:
        value = sentence.comment(COMMENT_NEWDOC)
        if value is not None:
            return value
    return None


def iter_texts(sentences: Iterable[Sentence]) -> Iterator[str]:
    for sentence in sentences:
        yield sentence.comment(COMMENT_TEXT) or ""
