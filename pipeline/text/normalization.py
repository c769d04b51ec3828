"""Normalisation of Persian text, chunk by chunk, with an alignment back to the original.

A document is cut into *chunks* (maximal runs of characters that are not whitespace, control
characters, invisible format characters or HTML markup) and *gaps* (everything else). The
joiners ZWNJ and ZWJ belong to the words they join; a run of nothing but joiners, standing alone
between gaps, joins nothing and is gap too. Each chunk
is normalised on its own by hazm's ``Normalizer`` followed by the ZWNJ repair, and keeps the
edit script from its original characters to its normalised ones. Because nothing is normalised
across a gap, every token found later lies inside one chunk and can be traced back to the exact
original characters: that is what makes the corpus lossless.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache


from gofteman.constants import JOINERS, ZWNJ
from gofteman.text.zwnj import PERSIAN_WORD, ZwnjRepairer

GAP = re.compile(
    r"(?:\s|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
    r"|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,500})?/?>|<!--.*?-->)+",
    re.DOTALL,
)
PARAGRAPH_BREAK = re.compile(r"[\n\r\u2028\u2029]")
# The normaliser writes digits and their separators in Persian («10.7» -> «۱۰٫۷»); the edit script
# is computed on both sides folded to one spelling, so each digit still aligns with its original.
ALIGNMENT_FOLD = str.maketrans({**{chr(zero + digit): str(digit) for zero in (0x6F0, 0x660) for digit in range(10)},
                                "٫": ".", "٬": ",", "٪": "%"})

#: One step of the edit script from original to normalised text: ``(tag, i1, i2, j1, j2)`` as in
#: ``difflib.SequenceMatcher.get_opcodes`` with the tag's first letter (e/r/i/d).
Opcode = tuple[str, int, int, int, int]


@dataclass(frozen=True)
class Chunk:
    start: int  # offset of the chunk in the original document text
    end: int
    norm: str
    opcodes: tuple[Opcode, ...] | None  # None when norm equals the original chunk

    def to_json(self) -> list:
        return [self.start, self.end, self.norm, None if self.opcodes is None else [list(op) for op in self.opcodes]]

    @classmethod
    def from_json(cls, row: list) -> "Chunk":
        start, end, norm, opcodes = row
        return cls(start, end, norm, None if opcodes is None else tuple(tuple(op) for op in opcodes))

    def original_span(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        """The span of original chunk characters (relative to the chunk) that produced
        ``norm[norm_start:norm_end]``; inserted characters map to an empty span."""
        if self.opcodes is None:
            return norm_start, norm_end
        starts, ends = [], []
        for tag, i1, i2, j1, j2 in self.opcodes:
            low, high = max(j1, norm_start), min(j2, norm_end)
            if low >= high:
                continue
            if tag == "e":
                starts.append(i1 + low - j1)
                ends.append(i1 + high - j1)
            else:
                starts.append(i1)
                ends.append(i2)
        if not starts:
            return -1, -1
        return min(starts), max(ends)


def split_chunks(text: str) -> list[tuple[int, int]]:
    """Offsets of the chunks of ``text``; what lies between them is gap."""
    spans, position = [], 0
    for gap in GAP.finditer(text):
        if gap.start() > position:
            spans.append((position, gap.start()))
        position = gap.end()
    if position < len(text):
        spans.append((position, len(text)))
    return [(start, end) for start, end in spans if text[start:end].strip(JOINERS)]


class TextNormalizer:
    """hazm's Normalizer plus ZWNJ repair, applied chunk by chunk with alignment."""

    def __init__(self, hazm_options: dict[str, bool], repairer: ZwnjRepairer | None) -> None:
        from gofteman.text.hazm_resources import hazm

        self.hazm = hazm().Normalizer(**hazm_options)
        self.repairer = repairer
        self.normalize_chunk = lru_cache(maxsize=500_000)(self._normalize_chunk)

    def normalize_text(self, text: str) -> list[Chunk]:
        chunks = []
        for start, end in split_chunks(text):
            norm, opcodes = self.normalize_chunk(text[start:end])
            chunks.append(Chunk(start, end, norm, opcodes))
        return chunks

    def normalize_string(self, original: str) -> str:
        """Normalises one chunk's worth of text (used by evaluation and ``explain``)."""
        return self.normalize_chunk(original)[0]

    def _normalize_chunk(self, original: str) -> tuple[str, tuple[Opcode, ...] | None]:
        # hazm trims and squeezes spaces, so a chunk (which holds none) stays one chunk,
        # but hazm may insert spaces (۹متر -> ۹ متر) that the tokenizer then splits on.
        norm = self.hazm.normalize(original)
        if self.repairer is not None and ZWNJ not in original:
            norm = PERSIAN_WORD.sub(self._repair_match, norm)
        if norm == original:
            return norm, None
        matcher = difflib.SequenceMatcher(None, original.translate(ALIGNMENT_FOLD), norm.translate(ALIGNMENT_FOLD),
                                          autojunk=False)
        opcodes = tuple((tag[0], i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes())
        return norm, opcodes

    def _repair_match(self, match: re.Match[str]) -> str:
        word = match.group()
        glued = word.replace(ZWNJ, "")
        repaired = self.repairer.repair_word(glued)
        # where the lexicon knows nothing, keep whatever hazm's own spacing rules did
        return word if repaired == glued else repaired
