"""Tags a word's neighbours settle, as UD PerDT sets them and the tagger often does not.

- A number that names a year, a decade, an hour or a day is a noun. UD PerDT makes a number
  written in digits right after «سال», «دهه», «ساعت» or «روز» a NOUN (N_IANM, Number=Sing): in
  «سال ۱۳۴۲» the number names the year and is the nmod of «سال». Seraji and iPerUDT tag such
  numbers NUM, and the shipped tagger, which learnt from iPerUDT too, often does. A number
  before another number word («سال ۵۲۵ میلیون گردشگر») counts something and is left to the tagger.
- «داشتن» before a verb in «می» of its person, number and tense is the progressive auxiliary:
  «دارد می‌خشکد», «دارند زحمات شما را به هدر می‌دهند». UD PerDT tags it AUX (V_ACT, with no
  Tense); the shipped tagger calls it VERB.
  A punctuation mark or a conjunction between the two ends the search («دارد که می‌گوید»).

The tag stage applies both, for any models, on the normalised words, with the tagger's UPOS and
FEATS, before the lemmatizer and the parser read them (settings in ``schemas/tag.yaml``).
"""

from __future__ import annotations

import re

from gofteman import conllu
from gofteman.constants import VERB_UPOS
from gofteman.stages.tag.tag_dictionary import Analysis

DIGITS = re.compile(r"[0-9۰-۹]+")
NUM = "NUM"


class NumberNames:
    def __init__(self, after: list[str], analysis: dict[str, str]) -> None:
        self.after = frozenset(after)
        self.analysis = Analysis(**analysis)

    def corrections(self, words: list[str], upos: list[str | None], feats: list[str]) -> dict[int, Analysis]:
        """The analysis for each index of ``words`` (one sentence, normalised) that is a number in
        digits right after a noun of ``after`` and not before a word the tagger calls NUM
        (``feats``, the tagger's, are not read: every context rule is called alike)."""
        return {index: self.analysis for index in range(1, len(words))
                if DIGITS.fullmatch(words[index]) and words[index - 1] in self.after
                and (index + 1 == len(words) or upos[index + 1] != NUM)}


class ProgressiveAuxiliary:
    def __init__(self, forms: list[str], prefix: str, window: int, boundaries: list[str], agreement: list[str],
                 upos: str, xpos: str, dropped_features: list[str]) -> None:
        self.forms = frozenset(forms)
        self.prefix = prefix
        self.window = window
        self.boundaries = frozenset(boundaries)
        self.agreement = agreement
        self.upos, self.xpos = upos, xpos
        self.dropped_features = frozenset(dropped_features)

    def corrections(self, words: list[str], upos: list[str | None], feats: list[str]) -> dict[int, Analysis]:
        """The AUX analysis for each index of ``words`` (one sentence, normalised) that is a form of
        ``forms`` the tagger calls VERB, whose next verb within ``window`` words, with no word of
        ``boundaries`` before it, starts with ``prefix`` and agrees with it in ``agreement``."""
        corrections = {}
        for index, word in enumerate(words):
            if word in self.forms and upos[index] == "VERB" and self._before_its_main_verb(index, words, upos, feats):
                kept = {name: value for name, value in conllu.feats_dict(feats[index]).items()
                        if name not in self.dropped_features}
                corrections[index] = Analysis(self.upos, self.xpos,
                                              "|".join(f"{name}={value}" for name, value in kept.items()) or "_")
        return corrections

    def _before_its_main_verb(self, index: int, words: list[str], upos: list[str | None], feats: list[str]) -> bool:
        own = conllu.feats_dict(feats[index])
        for following in range(index + 1, min(len(words), index + 1 + self.window)):
            if upos[following] in self.boundaries:
                return False
            if upos[following] in VERB_UPOS:
                theirs = conllu.feats_dict(feats[following])
                return (words[following].startswith(self.prefix)
                        and all(own.get(name) == theirs.get(name) for name in self.agreement))
        return False
