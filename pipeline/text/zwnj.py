"""Repair of lost zero-width non-joiners (ZWNJ, U+200C) in Persian words.

Copy-pasted Persian text often loses every ZWNJ, so that «می‌کنند» arrives as «میکنند» and
«توطئه‌های» as «توطئههای». The repair looks a glued word up in a table of spellings observed
with their ZWNJs (a frequency lexicon built from raw Persian text, plus hazm's lexicon and verb
conjugations), and otherwise splits known inflectional suffixes and the verbal prefix می/نمی off
a known stem. It never changes letters, only inserts ZWNJs, so it cannot corrupt a word that was
already right except by inserting a ZWNJ where none belongs (measured as spurious splits by
``make eval-normalize``).
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from gofteman.constants import ZWNJ, ZWNJ_LEXICON_PATH

#: A run of Persian letters (with ZWNJ), the unit the repair works on.
PERSIAN_WORD = re.compile(
    "[\u0621-\u063a\u0641-\u064a\u0654\u067e\u0686\u0698\u06a9\u06af\u06be\u06c0\u06cc\u200c]+"
)

#: Letters that do not join to the following letter: a ZWNJ after them is invisible.
NON_JOINING = set("اآأإدذرزژوؤۀءة")


def _strip(word: str) -> str:
    return word.replace(ZWNJ, "")


class ZwnjLexicon:
    """Counts of spellings of Persian words, keyed by the spelling without ZWNJ."""

    def __init__(self, counts: Counter[str] | None = None) -> None:
        self.counts: Counter[str] = counts if counts is not None else Counter()
        self._variants: dict[str, list[tuple[str, int]]] | None = None

    # --- building -------------------------------------------------------------------------
    def add_text(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.counts.update(PERSIAN_WORD.findall(line))

    def add_forms(self, forms: Iterable[str], count: int = 1) -> None:
        for form in forms:
            if PERSIAN_WORD.fullmatch(form):
                self.counts[form] += count

    # --- persistence ----------------------------------------------------------------------
    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        rows = sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))
        # no name and mtime=0 keep the gzip bytes identical from one build to the next
        with open(path, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
            gz.write("".join(f"{form}\t{count}\n" for form, count in rows).encode("utf-8"))

    @classmethod
    def load(cls, path: Path) -> "ZwnjLexicon":
        counts: Counter[str] = Counter()
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line_number, line in enumerate(handle, 1):
                form, _, count = line.rstrip("\n").partition("\t")
                if not form or not count.isdigit():
                    raise ValueError(f"{path}:{line_number}: expected 'form<TAB>count', got {line!r}")
                counts[form] += int(count)
        return cls(counts)

    # --- queries --------------------------------------------------------------------------
    @property
    def variants(self) -> dict[str, list[tuple[str, int]]]:
        """Spellings of each ZWNJ-less key, most frequent first."""
        if self._variants is None:
            grouped: dict[str, list[tuple[str, int]]] = {}
            for form, count in self.counts.items():
                grouped.setdefault(_strip(form), []).append((form, count))
            for spellings in grouped.values():
                spellings.sort(key=lambda item: (-item[1], item[0]))
            self._variants = grouped
        return self._variants

    def frequency(self, key: str) -> int:
        return sum(count for _, count in self.variants.get(key, ()))


@lru_cache(maxsize=1)
def shipped_lexicon() -> ZwnjLexicon:
    """The ZWNJ lexicon of ``models/zwnj-fa`` as raw text counts it, loaded once per process, for
    the stages that only read it (mwt, tag); normalize adds hazm's words to a copy of its own."""
    return ZwnjLexicon.load(ZWNJ_LEXICON_PATH)


class ZwnjRepairer:
    """Inserts lost ZWNJs into Persian words.

    ``min_count`` is how often a key must have been seen before its table spelling is trusted;
    ``suffixes`` and ``prefixes`` are the affixes split off an unknown word when the rest is a
    known stem (from ``schemas/normalize.yaml``).
    """

    def __init__(
        self,
        lexicon: ZwnjLexicon,
        suffixes: dict[str, str],
        prefixes: Iterable[str],
        min_count: int,
        min_stem_count: int,
        zwnj_preference: float,
        min_compound_part_count: int,
        min_compound_part_length: int,
    ) -> None:
        self.lexicon = lexicon
        # suffix -> the stem-final letters it follows with a ZWNJ ("" = any joining letter)
        self.suffixes = dict(sorted(suffixes.items(), key=lambda item: -len(item[0])))
        self.prefixes = sorted(set(prefixes), key=len, reverse=True)
        self.min_count = min_count
        self.min_stem_count = min_stem_count
        self.zwnj_preference = zwnj_preference
        self.min_compound_part_count = min_compound_part_count
        self.min_compound_part_length = min_compound_part_length
        self.repair_word = lru_cache(maxsize=200_000)(self._repair_word)

    def repair(self, text: str) -> str:
        """Repairs every Persian word in ``text``; other characters are left as they are."""
        return PERSIAN_WORD.sub(lambda match: self.repair_word(match.group()), text)

    def _known(self, key: str) -> bool:
        return self.lexicon.frequency(key) >= self.min_stem_count

    def _best_spelling(self, key: str) -> str | None:
        spellings = self.lexicon.variants.get(key)
        if not spellings or self.lexicon.frequency(key) < self.min_count:
            return None
        best, best_count = spellings[0]
        if best == key:
            # Corpora spell many words both ways (سالها/سال‌ها); UD Persian writes the ZWNJ,
            # so a ZWNJ spelling seen often enough relative to the glued one wins.
            for spelling, count in spellings[1:]:
                if count >= self.zwnj_preference * best_count:
                    return spelling
        return best

    def _repair_word(self, word: str) -> str:
        if ZWNJ in word:
            return word  # the writer used ZWNJs here: trust them
        if word in self.suffixes or word in self.prefixes:
            # an affix the writer spaced off its stem («گروه های»): a ZWNJ inside it (ه‌ای) would
            # make a word that is not there; nothing is joined across the space
            return word
        known = self._best_spelling(word)
        if known is not None:
            return known
        return self._split_affixes(word) or self._split_compound(word) or word

    def _split_affixes(self, word: str) -> str | None:
        for suffix, after in self.suffixes.items():
            stem = word[: -len(suffix)]
            if len(stem) >= 2 and word.endswith(suffix) and stem[-1] not in NON_JOINING:
                if self._ends_in_non_joining_word(stem + suffix[0]):
                    continue
                if (not after or stem[-1] in after) and self._known(stem):
                    return self._repair_word(stem) + ZWNJ + suffix
        for prefix in self.prefixes:
            rest = word[len(prefix) :]
            if len(rest) >= 2 and word.startswith(prefix) and self._known(rest):
                return prefix + ZWNJ + self._repair_word(rest)
        return None

    def _ends_in_non_joining_word(self, head: str) -> bool:
        """«رهایم» is «رها» + «یم», not «ره» + «ایم»: where the suffix's first letter can end a
        known word instead (one spelled without a ZWNJ, after which no ZWNJ is needed since the
        letter does not join), the word needs no ZWNJ there."""
        return head[-1] in NON_JOINING and self._known(head) and self._best_spelling(head) == head

    def _split_compound(self, word: str) -> str | None:
        """Two frequent words glued together (تأمیناجتماعی, بیمهشدگان); the most frequent
        pair wins. Both parts must be frequent and long, since short words combine into
        many false compounds."""
        shortest = self.min_compound_part_length
        best, best_score = None, 0
        for cut in range(shortest, len(word) - shortest + 1):
            left, right = word[:cut], word[cut:]
            if left[-1] in NON_JOINING:
                continue
            score = min(self.lexicon.frequency(left), self.lexicon.frequency(right))
            if score >= self.min_compound_part_count and score > best_score:
                best, best_score = (left, right), score
        if best is None:
            return None
        left, right = best
        return self._repair_word(left) + ZWNJ + self._repair_word(right)


#: The raw-text files of ``../shared/data`` that the shipped lexicon is counted from.
RAW_TEXT_FILES = ("raw/perdt_train_sentences.txt", "raw/seraji_train_sentences.txt")


def build_lexicon(data_dir: Path, output: Path) -> ZwnjLexicon:
    """Counts the spellings in the raw training text (never the UD dev/test files, which
    ``make eval-normalize`` measures on) and saves them."""
    lexicon = ZwnjLexicon()
    for name in RAW_TEXT_FILES:
        path = data_dir / name
        if not path.exists():
            raise FileNotFoundError(f"{path}: raw text for the ZWNJ lexicon is missing (DATA={data_dir})")
        with open(path, encoding="utf-8") as handle:
            lexicon.add_text(handle)
    lexicon.save(output)
    return lexicon

