"""stanza's MWT expander, asked once per distinct token.

The expander reads a multiword token alone (its dictionary, then its seq2seq model for the tokens
the dictionary lacks), never its sentence; stanza runs the model on every multiword token of every
batch, the dictionary's too. Here each distinct token is expanded once and kept (up to
``MWT_CACHE_TOKENS``, then the cache starts afresh, so memory stays flat on any corpus); a batch
sends stanza's MWT processor only the tokens not seen before.
"""

from __future__ import annotations

from gofteman.constants import MWT_CACHE_TOKENS


class _Tokens:
    """The part of a stanza Document that its MWT processor reads and writes: the multiword
    tokens to expand, and the words they expand to."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.expansions: list[str] = []

    def get_mwt_expansions(self, evaluation: bool = False) -> list[str]:
        return list(self.tokens)

    def set_mwt_expansions(self, expansions: list[str], **options) -> None:
        self.expansions = expansions


class CachedExpander:
    def __init__(self, processor) -> None:
        self.processor = processor
        self.words: dict[str, str] = {}

    def expand(self, document) -> None:
        """Expands the multiword tokens that stanza's tokenizer marked in ``document``, as its
        MWT processor does."""
        tokens = document.get_mwt_expansions(evaluation=True)
        if len(self.words) + len(set(tokens) - self.words.keys()) > MWT_CACHE_TOKENS:
            self.words.clear()
        new = sorted(set(tokens) - self.words.keys())
        if new:
            self.words.update(zip(new, self.processor.process(_Tokens(new)).expansions))
        document.set_mwt_expansions([self.words[token] for token in tokens], process_manual_expanded=False)
