"""hazm's lexical resources that more than one stage reads, built once per process.

hazm is imported where it is used, here and in the stages: it imports spaCy and NLTK (3 s), which
a process that only plans a run (the main process of a run on worker processes, the workbench)
never needs. Every ``WordTokenizer`` and ``Lemmatizer`` of hazm parses its word list (200,000
lines, half a second) again; ``hazm()`` makes them share one parse, so that a worker that builds
normalize, tokenize, mwt and tag reads it once, not five times.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from types import ModuleType


@lru_cache(maxsize=1)
def hazm() -> ModuleType:
    """The hazm package, its word list parsed once for the whole process (the list is only read)."""
    import hazm as package
    import hazm.word_tokenizer

    parse = lru_cache(maxsize=4)(package.utils.words_list)

    def words_list(words_file: str | Path = package.utils.default_words) -> list:
        return parse(Path(words_file).resolve())

    hazm.word_tokenizer.words_list = words_list
    return package


@lru_cache(maxsize=1)
def verb_conjugations() -> dict[str, str]:
    """Every conjugated form of hazm's verb list -> its ``past#present`` stems (``می‌روم`` ->
    ``رفت#رو``). hazm conjugates the whole list to build it: about half a second."""
    return hazm().Lemmatizer(joined_verb_parts=False).verbs


@lru_cache(maxsize=1)
def word_tags() -> dict[str, tuple[str, ...]]:
    """hazm's lexicon: each word -> its POS tags (``("N", "AJ")``). Most of its entries are
    inflected forms with the tag ``"0"`` alone: no part of speech is known for them."""
    return {word: tags for word, _, tags in hazm().word_tokenizer.words_list()}
