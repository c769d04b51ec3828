"""Words written in two parts with a space where a ZWNJ belongs («می رود», «گروه های»).

Normalisation never joins across whitespace, so such a word reaches the tag stage as two
tokens, and the tagger would read «می» and «رود» (a river) as two nouns. The tag stage gives the
tagger and the parser the joined word (``می‌رود``) and writes it back as UD does (and as iPerUDT
writes its informal text): the first part carries the word's LEMMA, UPOS, FEATS and place in the
tree, each later part is ``X`` attached to it by ``goeswith``. A prefix is joined to the word
after it, a suffix to the word before it, only where the joined spelling is a known word: a verb
form hazm conjugates, or a spelling seen in raw text (the ZWNJ lexicon). A personal ending of the
perfect written apart («داشته ایم») joins only into a verb form: «نامه ام» (my letter) stays two
words, as UD Persian writes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from gofteman import conllu
from gofteman.constants import GOESWITH, ZWNJ


@dataclass(frozen=True)
class SpacedWords:
    prefixes: frozenset[str]
    suffixes: frozenset[str]
    verb_endings: frozenset[str]
    verb_forms: Mapping[str, str]  # hazm's conjugated forms
    spellings: Mapping[str, int]  # raw-text counts of spellings (the ZWNJ lexicon)
    min_count: int

    def is_known(self, word: str) -> bool:
        return word in self.verb_forms or self.spellings.get(word, 0) >= self.min_count

    def spelling(self, first: str, second: str, verbs_only: bool = False) -> str | None:
        """The known spelling of two parts as one word: with a ZWNJ, or glued where the first
        part ends in a letter that does not join (``کشور`` + ``های`` -> ``کشورهای``); None when
        neither is a known word (``verbs_only``: a verb form hazm conjugates)."""
        known = [word for word in (first + ZWNJ + second, first + second)
                 if (word in self.verb_forms if verbs_only else self.is_known(word))]
        return max(known, key=lambda word: (word in self.verb_forms, self.spellings.get(word, 0)), default=None)

    def groups(self, sentence: conllu.Sentence) -> list[tuple[list[int], str]]:
        """The sentence's syntactic words (indices into ``words()``) grouped into the words the
        tagger reads, each with its spelling: a group of several is one word the writer spaced
        apart."""
        words = [word.strip(ZWNJ) or word for word in sentence.normalized_words()]
        spaces = sentence.word_spaces()
        # only a word that is a whole surface token can join, and only across whitespace
        alone = [len(parts) == 1 and token is parts[0] for token, parts in sentence.token_words()
                 for _ in parts]
        groups: list[tuple[list[int], str]] = []
        for index, word in enumerate(words):
            if groups and alone[index] and alone[groups[-1][0][-1]] and spaces[groups[-1][0][-1]]:
                indices, joined = groups[-1]
                after_prefix = len(indices) == 1 and joined in self.prefixes
                ending = word in self.verb_endings and word not in self.suffixes
                if (after_prefix or word in self.suffixes or ending) and word not in self.prefixes:
                    if spelling := self.spelling(joined, word, verbs_only=ending and not after_prefix):
                        groups[-1] = (indices + [index], spelling)
                        continue
            groups.append(([index], word))
        return groups


def write_goeswith(rows: list[list[str]], groups: list[tuple[list[int], str]]) -> None:
    """Marks the later parts of each group as UD's ``goeswith`` dependents of its first part, and
    points every HEAD (given as the tagger's word numbers) at the first part of its word."""
    first_id = {number: rows[group[0]][conllu.ID] for number, (group, _) in enumerate(groups, start=1)}
    first_id[0] = "0"
    for group, _ in groups:
        row = rows[group[0]]
        row[conllu.HEAD] = first_id[int(row[conllu.HEAD])]
        for index in group[1:]:
            part = rows[index]
            part[conllu.LEMMA] = part[conllu.XPOS] = part[conllu.FEATS] = "_"
            part[conllu.UPOS] = "X"
            part[conllu.HEAD] = row[conllu.ID]
            part[conllu.DEPREL] = GOESWITH
