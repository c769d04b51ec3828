"""hazm's lexical resources that more than one stage reads, built once per process."""

from __future__ import annotations

from functools import lru_cache

import hazm


@lru_cache(maxsize=1)
def verb_conjugations() -> dict[str, str]:
    """Every conjugated form of hazm's verb list -> its ``past#present`` stems (``می‌روم`` ->
    ``رفت#رو``). hazm conjugates the whole list to build it: about a second."""
    return hazm.Lemmatizer(joined_verb_parts=False).verbs


@lru_cache(maxsize=1)
def word_tags() -> dict[str, tuple[str, ...]]:
    """hazm's lexicon: each word -> its POS tags (``("N", "AJ")``). Most of its entries are
    inflected forms with the tag ``"0"`` alone: no part of speech is known for them."""
    return {word: tags for word, _, tags in hazm.words_list()}
