"""hazm's lexical resources that more than one stage reads, built once per process.

hazm is imported where it is used, here and in the stages: it imports spaCy and NLTK, which a
process that only plans a run (the main process of a run on worker processes, the workbench)
never needs. Every ``WordTokenizer`` and ``Lemmatizer`` of hazm parses its word list (200,000
lines, half a second) again, and hazm's Normalizer conjugates its whole verb list; ``hazm()``
makes them share one parse and one conjugation, so that a worker that builds normalize, tokenize,
mwt and tag reads the list once, not five times.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType


def import_hazm() -> ModuleType:
    """The hazm package, imported without SciPy's statistics. hazm imports NLTK, which imports
    them for one collocation test (Fisher's exact) and does without it where SciPy is missing;
    gofteman never runs it, and SciPy is most of hazm's import time (0.7 of 0.9 s). A module
    that imports ``scipy.stats`` later gets it as usual."""
    if "hazm" in sys.modules:
        return sys.modules["hazm"]
    block = "scipy.stats" not in sys.modules
    if block:
        sys.modules["scipy.stats"] = None  # an import of it raises ImportError
    try:
        import hazm as package
    finally:
        if block and sys.modules.get("scipy.stats", "") is None:
            del sys.modules["scipy.stats"]
    return package


@lru_cache(maxsize=1)
def hazm() -> ModuleType:
    """The hazm package, its word list parsed once for the whole process (the list is only read),
    and its verb list conjugated once: the Normalizer conjugates the whole list as
    ``verb_conjugations`` does (both only read the result)."""
    package = import_hazm()
    import hazm.normalizer
    import hazm.word_tokenizer

    parse = lru_cache(maxsize=4)(package.utils.words_list)

    def words_list(words_file: str | Path = package.utils.default_words) -> list:
        return parse(Path(words_file).resolve())

    hazm.word_tokenizer.words_list = words_list
    hazm.normalizer.Lemmatizer = lru_cache(maxsize=4)(package.Lemmatizer)
    return package


@lru_cache(maxsize=1)
def verb_conjugations() -> dict[str, str]:
    """Every conjugated form of hazm's verb list -> its ``past#present`` stems (``می‌روم`` ->
    ``رفت#رو``). hazm conjugates the whole list to build it: about half a second."""
    return hazm().normalizer.Lemmatizer(joined_verb_parts=False).verbs


@lru_cache(maxsize=1)
def word_tags() -> dict[str, tuple[str, ...]]:
    """hazm's lexicon: each word -> its POS tags (``("N", "AJ")``). Most of its entries are
    inflected forms with the tag ``"0"`` alone: no part of speech is known for them."""
    return {word: tags for word, _, tags in hazm().word_tokenizer.words_list()}
