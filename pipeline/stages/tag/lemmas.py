"""stanza's lemmatizer, asked once per distinct word and UPOS.

stanza's lemmatizer reads a word and its UPOS only (no context): its dictionary, then its
seq2seq model for the words the dictionary lacks. stanza runs it over every word of every batch,
and builds its input (the characters of each word) for all of them. Here each distinct
(word, UPOS) pair is lemmatised once and kept (up to ``LEMMA_CACHE_WORDS`` pairs, then the
cache starts afresh, so memory stays flat on any corpus); a batch sends stanza only the pairs
not seen before, as one sentence of distinct words.
"""

from __future__ import annotations

from gofteman.constants import LEMMA_CACHE_WORDS
from gofteman.stanza_documents import Words


class CachedLemmatizer:
    def __init__(self, processor) -> None:
        self.processor = processor
        self.lemmas: dict[tuple[str, str | None], str | None] = {}

    def lemmatize(self, document) -> None:
        """Sets the lemma of every word of ``document`` (a stanza Document or ``Words``, its UPOS set)."""
        words = [word for sentence in document.sentences for word in sentence.words]
        pairs = {(word.text, word.upos) for word in words}
        if len(self.lemmas) + len(pairs - self.lemmas.keys()) > LEMMA_CACHE_WORDS:
            self.lemmas.clear()
        new = sorted(pairs - self.lemmas.keys(), key=lambda pair: (pair[0], pair[1] or ""))
        if new:
            distinct = Words([[text for text, _ in new]])
            distinct.set(["upos"], [upos for _, upos in new])
            self.processor.process(distinct)
            self.lemmas.update(zip(new, distinct.get("lemma")))
        for word in words:
            word.lemma = self.lemmas[(word.text, word.upos)]
