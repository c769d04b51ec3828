"""A tag dictionary from the training data: a word's tag that the data never gave it is replaced.

A tagger that learns from a few PerDT sentences (and iPerUDT's informal ones) errs on words whose
part of speech those sentences settle: «را» tagged PART, «امروز» ADV, «وقتی» SCONJ, where PerDT
has ADP, NOUN and NOUN. ``models/fa-small/tag_dictionary.tsv`` (written by ``make models`` from
the PerDT sentences of the tagger's last fine-tuning: ``recipe.tagger_perdt_split``) lists each
word's analyses (UPOS, XPOS, FEATS) with their counts. When the tagger gives a word a UPOS that the
data never gave it, the word occurs at least ``min_count`` times there and one UPOS has at
least ``min_share`` of them, the word takes that UPOS's most frequent analysis: a closed tag
dictionary, as classic taggers keep (TnT, the Stanford tagger). The tag stage applies it
between the tagger and the lemmatizer, so the lemma and the parse read the corrected tags;
only with the shipped models (stanza's official ones learnt from other data).
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

TAG_DICTIONARY_HEADER = ("word", "upos", "xpos", "feats", "count")


class Analysis(NamedTuple):
    upos: str
    xpos: str
    feats: str


def write_tag_dictionary(words: Iterable[tuple[str, Analysis]], out_path: Path) -> Path:
    """The dictionary of ``(word, analysis)`` pairs, one line per word and analysis, sorted."""
    counts = Counter(words)
    with open(out_path, "w", encoding="utf-8") as handle:
        handle.write("\t".join(TAG_DICTIONARY_HEADER) + "\n")
        for (word, analysis), count in sorted(counts.items()):
            handle.write("\t".join((word, *analysis, str(count))) + "\n")
    return out_path


def read_tag_dictionary(path: Path) -> dict[str, Counter[Analysis]]:
    if not path.exists():
        raise FileNotFoundError(f"{path}: the tag dictionary is missing (written by `make models`; it ships with the models)")
    table: dict[str, Counter[Analysis]] = defaultdict(Counter)
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = tuple(next(rows, ()))
        if header != TAG_DICTIONARY_HEADER:
            raise ValueError(f"{path}:1: expected the header {'\t'.join(TAG_DICTIONARY_HEADER)!r}, got {header!r}")
        for line_number, row in enumerate(rows, start=2):
            if len(row) != len(TAG_DICTIONARY_HEADER) or not row[-1].isdigit():
                raise ValueError(f"{path}:{line_number}: expected {len(TAG_DICTIONARY_HEADER)} tab-separated "
                                 f"fields ending in a count, got {row!r}")
            table[row[0]][Analysis(*row[1:4])] += int(row[4])
    return dict(table)


class TagDictionary:
    def __init__(self, table: dict[str, Counter[Analysis]], min_count: int, min_share: float) -> None:
        self.corrections: dict[str, tuple[frozenset[str], Analysis]] = {}
        for word, analyses in table.items():
            total = sum(analyses.values())
            by_upos: Counter[str] = Counter()
            for analysis, count in analyses.items():
                by_upos[analysis.upos] += count
            upos, count = min(by_upos.items(), key=lambda item: (-item[1], item[0]))
            if total >= min_count and count / total >= min_share:
                best = min((a for a in analyses if a.upos == upos), key=lambda a: (-analyses[a], a))
                self.corrections[word] = (frozenset(by_upos), best)

    @classmethod
    def load(cls, path: Path, min_count: int, min_share: float) -> TagDictionary:
        return cls(read_tag_dictionary(path), min_count, min_share)

    def correct(self, word: str, upos: str) -> Analysis | None:
        """The analysis to write instead of the tagger's, or None to keep the tagger's."""
        entry = self.corrections.get(word)
        if entry is None or upos in entry[0]:
            return None
        return entry[1]
