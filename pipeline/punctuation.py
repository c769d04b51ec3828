"""UD's tags for words made of marks: punctuation is PUNCT, symbols SYM, whatever a tagger says.

A tagger learns these classes from the marks its training data holds, and UD Persian's hold few
kinds: the shipped tagger called the seed's «–» PROPN, an ASCII «?» NOUN and an emoji NOUN. UD
defines both classes by their characters, so the tag stage sets them from the characters' Unicode
general categories (settings in ``schemas/tag.yaml``), for any models, before the lemmatizer and
the parser read the tags.
"""

from __future__ import annotations

import unicodedata

from pipeline.tag_dictionary import Analysis

PUNCT = "PUNCT"
SYM = "SYM"


class PunctuationTags:
    def __init__(self, punct_xpos: str, sym_xpos: str, symbol_marks: str, ignored_categories: list[str]) -> None:
        self.punct = Analysis(PUNCT, punct_xpos, "_")
        self.sym = Analysis(SYM, sym_xpos, "_")
        self.symbol_marks = frozenset(symbol_marks)
        self.ignored_categories = frozenset(ignored_categories)

    def analysis(self, word: str) -> Analysis | None:
        """PUNCT for a word of punctuation marks (category P) only; SYM for one of symbols
        (category S, or a mark of ``symbol_marks``, such as «%», which UD counts as a symbol),
        marks among them or not; None for any other word. Characters of ``ignored_categories``
        (an emoji's joiner or variation selector) are not counted."""
        categories = [("S" if char in self.symbol_marks else unicodedata.category(char)[0])
                      for char in word if unicodedata.category(char) not in self.ignored_categories]
        if not categories or not set(categories) <= {"P", "S"}:
            return None
        return self.sym if "S" in categories else self.punct
