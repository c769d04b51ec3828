"""A verb's two stems (``کرد#کن``) from the past stem the lemmatizer predicts.

UD's Persian treebanks (PerDT, Seraji) write a verb's or auxiliary's LEMMA as its past stem
(``کرد`` for ``می‌کنم``; the present stem alone for «است», «هست», which have no past) and both
stems in MISC as ``OrigLemma=کرد#کن`` (``#است``). The lemmatizer learns PerDT's LEMMA column;
the present stem comes from, in this order: the table learnt from iPerUDT, which writes both
stems (``models/fa-small/verb_stems.tsv``, written by ``make models``); hazm's verb list, by the
conjugated form (``می‌روم`` -> ``رفت#رو``) or by a past stem hazm gives one present stem. A
lemma none of them knows has no ``OrigLemma``.

The lemmatizer at times reads a stem's own initial «ن» as the negative prefix («نمودند» -> «ماند»,
«نهادند» -> «هاد»); where hazm conjugates the form from a past stem that begins with «ن», that
stem is taken instead. The negative prefix the lemma then lacks also gives a verb the
``Polarity=Neg`` the tagger leaves off some negated perfects (``negative_polarity``).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from gofteman import conllu
from gofteman.constants import VERB_STEMS_PATH, VERB_UPOS
from gofteman.text.hazm_resources import verb_conjugations

STEM_SEPARATOR = "#"
NEGATIVE_PREFIX = "ن"
VERB_STEMS_HEADER = ("past", "present", "count")


def read_verb_stems(path: Path) -> dict[str, str]:
    if not path.exists():
        raise FileNotFoundError(f"{path}: the verb stem table is missing (written by `make models`; it ships with the models)")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        header = tuple(next(rows, ()))
        if header != VERB_STEMS_HEADER:
            raise ValueError(f"{path}:1: expected the header {'\t'.join(VERB_STEMS_HEADER)!r}, got {header!r}")
        table = {}
        for line_number, row in enumerate(rows, start=2):
            if len(row) != len(VERB_STEMS_HEADER):
                raise ValueError(f"{path}:{line_number}: expected {len(VERB_STEMS_HEADER)} tab-separated fields, got {len(row)}")
            table[row[0]] = row[1]
        return table


class VerbLemmas:
    """Turns a verb's predicted past stem into ``past#present``; built once per tag stage."""

    def __init__(self, learnt: dict[str, str]) -> None:
        self.learnt = learnt
        #: hazm's conjugated forms -> ``past#present``
        self.by_form = verb_conjugations()
        presents: dict[str, set[str]] = defaultdict(set)
        for verb in set(self.by_form.values()):
            past, present = verb.split(STEM_SEPARATOR)
            if past:  # «#است», «#هست»: no past stem
                presents[past].add(present)
        #: hazm's past stems with a single present stem
        self.single_present = {past: stems.pop() for past, stems in presents.items() if len(stems) == 1}

    @classmethod
    def shipped(cls) -> VerbLemmas:
        return cls(read_verb_stems(VERB_STEMS_PATH))

    def __call__(self, form: str, upos: str, predicted: str) -> str:
        """The ``past#present`` stems of a verb or auxiliary whose predicted lemma is its past
        stem (or, for «است», its only stem); anything else is returned as predicted."""
        if upos not in VERB_UPOS or STEM_SEPARATOR in predicted:
            return predicted
        from_form = self.by_form.get(form, "")
        past, _, present = from_form.partition(STEM_SEPARATOR)
        if past.startswith(NEGATIVE_PREFIX) and not predicted.startswith(NEGATIVE_PREFIX):
            return from_form  # the «ن» is the stem's, not a negation
        if predicted in self.learnt:
            return f"{predicted}{STEM_SEPARATOR}{self.learnt[predicted]}"
        if past == predicted or (not past and present == predicted):
            return from_form
        if predicted in self.single_present:
            return f"{predicted}{STEM_SEPARATOR}{self.single_present[predicted]}"
        return predicted


def ud_lemma(stems: str) -> str:
    """The LEMMA UD Persian writes for ``past#present`` stems: the past stem, or the present
    stem of a verb that has none («#است» -> «است»); any other lemma as it is."""
    past, _, present = stems.partition(STEM_SEPARATOR)
    return past or present or stems


def negative_polarity(form: str, upos: str, lemma: str, feats: str, not_negative: frozenset[str]) -> str:
    """``feats`` with ``Polarity=Neg`` added where a verb or auxiliary carries the negative
    prefix «ن» that its lemma (the past stem, after ``VerbLemmas``) lacks («نشده‌اند» of «شد»):
    the tagger leaves the feature off some negated participles and perfects, which UD PerDT
    marks (214 of the 218 such verbs of its dev file). ``not_negative``: forms that begin with
    the letter without being negated (the «ند» of «نیستند» as PerDT splits it)."""
    if (upos not in VERB_UPOS or not form.startswith(NEGATIVE_PREFIX) or lemma.startswith(NEGATIVE_PREFIX)
            or not lemma or form in not_negative or "Polarity=" in feats):
        return feats
    return conllu.sorted_feats("Polarity=Neg" if feats == "_" else f"{feats}|Polarity=Neg")
