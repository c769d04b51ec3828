"""hazm's lexical resources that more than one stage reads, built once per process.

hazm is imported where it is used, here and in the stages: it imports spaCy and NLTK (3 s), which
a process that only plans a run (the main process of a run on worker processes, the workbench)
never needs."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def verb_conjugations() -> dict[str, str]:
    """Every conjugated form of hazm's verb list -> its ``past#present`` stems (``می‌روم`` ->
    ``رفت#رو``). hazm conjugates the whole list to build it: about a second."""
    import hazm

    return hazm.Lemmatizer(joined_verb_parts=False).verbs


@lru_cache(maxsize=1)
def word_tags() -> dict[str, tuple[str, ...]]:
    """hazm's lexicon: each word -> its POS tags (``("N", "AJ")``). Most of its entries are
    inflected forms with the tag ``"0"`` alone: no part of speech is known for them."""
    import hazm

    return {word: tags for word, _, tags in hazm.words_list()}
