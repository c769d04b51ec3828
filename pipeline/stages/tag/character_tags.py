"""Tags that a word's characters settle, whatever a tagger says: marks, symbols, foreign words.

A tagger learns these from the words its training data holds, and UD Persian's hold few of them:
the shipped tagger called the seed's «–» PROPN, an ASCII «?» NOUN, an emoji NOUN and the English
«all» VERB (lemma «aرد»). UD defines punctuation (PUNCT) and symbols (SYM) by their characters,
and UD PerDT analyses every word written in another script as a proper noun («MRI», «DateTime»:
all 9 such words of its dev file are PROPN, N_IANM, Number=Sing, their own lemma). So the tag stage
sets these from the characters' Unicode categories (settings in ``schemas/tag.yaml``), for any
models, before the lemmatizer and the parser read the tags.
"""

from __future__ import annotations

import re
import unicodedata

from gofteman.stages.tag.tag_dictionary import Analysis

PUNCT = "PUNCT"
SYM = "SYM"
#: the Arabic script's blocks, in which Persian is written
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


def is_foreign(word: str) -> bool:
    """A word with letters, none of them in the Arabic script («MRI», «CoRoT-7b»)."""
    return any(char.isalpha() for char in word) and not ARABIC_SCRIPT.search(word)


class CharacterTags:
    def __init__(self, punct_xpos: str, sym_xpos: str, symbol_marks: str, ignored_categories: list[str],
                 foreign: dict[str, str]) -> None:
        self.punct = Analysis(PUNCT, punct_xpos, "_")
        self.sym = Analysis(SYM, sym_xpos, "_")
        self.symbol_marks = frozenset(symbol_marks)
        self.ignored_categories = frozenset(ignored_categories)
        self.foreign = Analysis(**foreign)

    def analysis(self, word: str) -> Analysis | None:
        """PUNCT for a word of punctuation marks (category P) only; SYM for one of symbols
        (category S, or a mark of ``symbol_marks``, such as «%», which UD counts as a symbol),
        marks among them or not; the ``foreign`` analysis for a word written in another script
        than Persian's; None for any other word. Characters of ``ignored_categories`` (an emoji's
        joiner or variation selector) are not counted."""
        if is_foreign(word):
            return self.foreign
        categories = [("S" if char in self.symbol_marks else unicodedata.category(char)[0])
                      for char in word if unicodedata.category(char) not in self.ignored_categories]
        if not categories or not set(categories) <= {"P", "S"}:
            return None
        return self.sym if "S" in categories else self.punct
