"""The people of one document: every person named (PER entities), the titles written beside
their names, and how a name, a surname alone or a title resolves to the fullest name."""

from __future__ import annotations

from collections.abc import Callable

from gofteman import conllu
from gofteman.constants import MISC_NER
from gofteman.labels import iob2_spans

COLONS = (":", "：")


class DocumentNames:
    """Built once per document; ``last`` is the last speaker, set as the document is read."""

    def __init__(self, sentences: list[conllu.Sentence], honorifics: frozenset[str],
                 is_title: Callable[[str], bool]) -> None:
        self.honorifics = honorifics
        self.is_title = is_title
        self.last: str | None = None
        self.persons = self._persons(sentences)
        self.full_names = {" ".join(p) for p in self.persons}
        self.titles = self._titles(sentences)

    def _persons(self, sentences: list[conllu.Sentence]) -> list[list[str]]:
        """Every person named in the document (PER entities), as lists of words, honorifics dropped."""
        names = []
        for sentence in sentences:
            words = sentence.normalized_words()
            for start, end, label in entity_spans(sentence):
                if label == "PER":
                    name = [w for w in words[start:end] if w not in self.honorifics]
                    if name:
                        names.append(name)
        return names

    def _titles(self, sentences: list[conllu.Sentence]) -> dict[str, str]:
        """Titles written beside a person's name («میرهاشم موسوی، مدیرعامل سازمان ...»,
        «مدیرکل هواشناسی استان، غلامرضا حسنی»): each run of one to eight words after the name
        (past a comma), or before it from a title noun on -> the person's fullest name."""
        found: dict[str, str] = {}
        for sentence in sentences:
            words = sentence.normalized_words()
            for start, end, label in entity_spans(sentence):
                name = [w for w in words[start:end] if w not in self.honorifics]
                if label != "PER" or not name:
                    continue
                after = end + 1 if end < len(words) and words[end] in ("،", ",") else end
                for length in range(1, 9):
                    title = [w for w in words[after:after + length] if w not in self.honorifics]
                    if title and not any(w in COLONS or not any(c.isalpha() for c in w) for w in title):
                        found.setdefault(title_key(title), self.fullest(name))
                opener = next((i for i in range(max(0, start - 8), start) if self.is_title(words[i])), None)
                if opener is not None:
                    title = [w for w in words[opener:start] if w not in self.honorifics and any(c.isalpha() for c in w)]
                    for length in range(1, len(title) + 1):
                        found.setdefault(title_key(title[:length]), self.fullest(name))
        return found

    def fullest(self, name: list[str]) -> str:
        """The person of the document a name stands for. A surname alone is the last speaker
        if it shares it (two people of one family take turns), else the longest name with
        that surname; a name of several words is the longest name with its first and last word
        («قاسم محمدی» is not «مجید محمدی»)."""
        if len(name) == 1 and self.last and name[0] in self.last.split():
            return self.last
        candidates = [p for p in self.persons if name[-1] in p and name[0] in p] or [name]
        return " ".join(max(candidates, key=len))

    def resolve(self, description: list[str]) -> str:
        """A description as the person it names: a surname alone, or a title written after a
        name in the document; else the description as written."""
        if len(description) == 1 and any(description[0] in p for p in self.persons):
            return self.fullest(description)
        for length in range(len(description), 0, -1):  # the longest title the description starts with
            if (person := self.titles.get(title_key(description[:length]))) is not None:
                return person
        return " ".join(description)


def title_key(words: list[str]) -> str:
    """A title compared without spaces and ZWNJs («مدیر عامل» = «مدیرعامل»)."""
    return "".join(words).replace("\u200c", "")


def entity_spans(sentence: conllu.Sentence) -> list[tuple[int, int, str]]:
    """The IOB2 entities of a sentence's words as (start, end, label)."""
    tags = [conllu.misc_get(row[conllu.MISC], MISC_NER) or "O" for row in sentence.words()]
    return [(start, end, label) for label, start, end in iob2_spans(tags)]
