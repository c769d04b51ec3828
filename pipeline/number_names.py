"""A number that names a year, a decade, an hour or a day is a noun, as UD PerDT tags it.

UD PerDT makes a number written in digits right after «سال», «دهه», «ساعت» or «روز» a NOUN
(N_IANM, Number=Sing): in «سال ۱۳۴۲» the number names the year and is the nmod of «سال». All 21
such words of PerDT's dev file are tagged so. Seraji and iPerUDT tag every such number NUM, and
the shipped tagger, which learnt from iPerUDT too, still calls 3 of those 21 NUM, and 112 of the
297 in PerDT's raw training sentences. A number before another number word («سال ۵۲۵ میلیون
گردشگر») counts something and is left to the tagger. The tag stage applies this, for any models,
on the normalised words (settings in ``schemas/tag.yaml``).
"""

from __future__ import annotations

import re

from pipeline.tag_dictionary import Analysis

DIGITS = re.compile(r"[0-9۰-۹]+")
NUM = "NUM"


class NumberNames:
    def __init__(self, after: list[str], analysis: dict[str, str]) -> None:
        self.after = frozenset(after)
        self.analysis = Analysis(**analysis)

    def corrections(self, words: list[str], upos: list[str | None]) -> dict[int, Analysis]:
        """The analysis for each index of ``words`` (one sentence, normalised) that is a number in
        digits right after a noun of ``after`` and not before a word the tagger calls NUM."""
        return {index: self.analysis for index in range(1, len(words))
                if DIGITS.fullmatch(words[index]) and words[index - 1] in self.after
                and (index + 1 == len(words) or upos[index + 1] != NUM)}
