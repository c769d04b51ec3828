"""The part of a stanza Document that its processors read and write, for sentences of words.

stanza's processors read their input from a Document (``get``) and write their predictions into
it (``set``). A Document made from pretokenised text builds objects for every token and word,
with their character offsets and dependency graphs: in the tag and ner stages, as long as a
third of the models' own time. ``Words`` holds only what the pos, lemma, depparse and ner
processors read and write, one word a token (the stages give stanza syntactic words, or
surface tokens), with stanza's conventions: ``_`` or None is no value, a head is an int.
"""

from __future__ import annotations

#: stanza's field names (``stanza.models.common.doc``) that its processors read and write.
FIELDS = ("text", "upos", "xpos", "feats", "lemma", "head", "deprel", "ner", "multi_ner")


def _is_null(value: object) -> bool:
    return value is None or value == "_"


class Word:
    """A word's fields, set as stanza's ``Word`` sets them."""

    __slots__ = FIELDS

    def __init__(self, text: str) -> None:
        for field in FIELDS:
            object.__setattr__(self, field, None)
        object.__setattr__(self, "text", text)

    def __setattr__(self, field: str, value: object) -> None:
        if field == "head":
            value = None if _is_null(value) else int(value)
        elif field == "lemma":
            value = None if _is_null(value) and self.text != "_" else value
        elif field not in ("text", "multi_ner") and _is_null(value):
            value = None
        object.__setattr__(self, field, value)


class Sentence:
    def __init__(self, words: list[Word]) -> None:
        self.words = words
        self.tokens = words

    def build_dependencies(self) -> None:
        """stanza links each word to its head here; nothing in gofteman reads those links."""


class Words:
    """Sentences of words that stanza's pos, lemma, depparse and ner processors take for a Document."""

    def __init__(self, sentences: list[list[str]]) -> None:
        self.sentences = [Sentence([Word(text) for text in words]) for words in sentences]

    def _units(self) -> list[Word]:
        return [word for sentence in self.sentences for word in sentence.words]

    @property
    def num_words(self) -> int:
        return sum(len(sentence.words) for sentence in self.sentences)

    num_tokens = num_words

    def get(self, fields: str | list[str], as_sentences: bool = False, from_token: bool = False) -> list:
        """As ``Document.get``: one field's values, or a list of the fields' values, of every word."""
        fields = [fields] if isinstance(fields, str) else fields
        results = []
        for sentence in self.sentences:
            values = [getattr(word, fields[0]) if len(fields) == 1 else [getattr(word, field) for field in fields]
                      for word in sentence.words]
            if as_sentences:
                results.append(values)
            else:
                results.extend(values)
        return results

    def set(self, fields: str | list[str], contents: list, to_token: bool = False, to_sentence: bool = False) -> None:
        """As ``Document.set``: one value, or one value per field, for every word."""
        fields = [fields] if isinstance(fields, str) else fields
        words = self._units()
        if to_sentence or len(contents) != len(words):
            raise ValueError(f"{len(contents)} values for {len(words)} words")
        for word, content in zip(words, contents):
            if len(fields) == 1:
                setattr(word, fields[0], content)
            else:
                for field, value in zip(fields, content):
                    setattr(word, field, value)

    def build_ents(self) -> list:
        """stanza gathers entity spans here; the ner stage reads each token's tag instead."""
        return []
