"""The people of one document: every person named (PER entities), the titles written beside
their names, and how a name, a surname alone or a title resolves to the fullest name."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from gofteman import conllu
from gofteman.constants import COLONS, MISC_NER, ZWNJ
from gofteman.labels import iob2_spans
from gofteman.stages.speakers.positions import in_subject_position


class Honorifics:
    """Titles of respect, of one word («دکتر») or of several («آیت الله», «حجت الاسلام و
    المسلمین»: news sites often write them with a space, not a ZWNJ). Found in the whole
    sentence, so that a name whose entity starts inside one («الله حسین نوری») loses it too."""

    def __init__(self, entries: list[str]) -> None:
        self.words = frozenset(entry for entry in entries if " " not in entry)
        self.phrases = sorted({tuple(entry.split()) for entry in entries if " " in entry}, key=len, reverse=True)

    def positions(self, words: list[str]) -> set[int]:
        """The indices of the sentence's words that belong to an honorific."""
        found = {i for i, word in enumerate(words) if word in self.words}
        i = 0
        while i < len(words):
            phrase = next((p for p in self.phrases if tuple(words[i:i + len(p)]) == p), None)
            if phrase:
                found.update(range(i, i + len(phrase)))
            i += len(phrase) if phrase else 1
        return found

    def kept(self, words: list[str], indices: Iterable[int]) -> list[str]:
        """The words at ``indices`` of the sentence ``words`` that are not honorifics."""
        honorific = self.positions(words)
        return [words[i] for i in indices if i not in honorific]


class DocumentNames:
    """Built once per document; ``last`` is the last speaker, set as the document is read."""

    def __init__(self, sentences: list[conllu.Sentence], honorifics: Honorifics,
                 is_title: Callable[[str], bool],
                 of_a_title: Callable[..., bool] = lambda sentence, start, end, places: False) -> None:
        self.honorifics = honorifics
        self.is_title = is_title
        self.of_a_title = of_a_title  # a name that is the place or body of a title («فرماندار نیر»)
        self.last: str | None = None
        self.places = self._places(sentences)
        self.persons = self._persons(sentences)
        self.full_names = {" ".join(p) for p in self.persons}
        self.titles, self.offices = self._titles(sentences)

    @staticmethod
    def _places(sentences: list[conllu.Sentence]) -> frozenset[str]:
        """Words the document names places with: tagged LOC, or after a word for a place
        («شهرستان نیر»), so that a place the NER model calls a person («فرماندار نیر») is known."""
        found = set()
        for sentence in sentences:
            words = sentence.normalized_words()
            for start, end, label in entity_spans(sentence):
                if label == "LOC":
                    found.update(words[start:end])
            found.update(words[i + 1] for i, word in enumerate(words[:-1]) if word in PLACE_NOUNS)
        return frozenset(found)

    def _persons(self, sentences: list[conllu.Sentence]) -> list[list[str]]:
        """Every person named in the document (PER entities), as lists of words, honorifics dropped."""
        names = []
        for sentence in sentences:
            words = sentence.normalized_words()
            for start, end, label in entity_spans(sentence):
                if label == "PER" and not self.of_a_title(sentence, start, end, self.places):
                    if name := self.honorifics.kept(words, range(start, end)):
                        names.append(name)
        return names

    def _titles(self, sentences: list[conllu.Sentence]) -> tuple[dict[str, str], dict[str, str]]:
        """Titles written beside a person's name («میرهاشم موسوی، مدیرعامل سازمان ...»,
        «مدیرکل هواشناسی استان، غلامرضا حسنی»): each run of one to eight words after the name
        (past a comma), or before it from a title noun on -> the person's fullest name. And the
        offices: the first word of each title after a name («مدیرعامل»), but not a word before
        one, which may be an epithet («امام خمینی»). A person named as an object («از X،
        مدیرکل ...، را تقدیر کردند») lends no title: a title resolves to whom it describes."""
        found: dict[str, str] = {}
        offices: dict[str, str] = {}
        for sentence in sentences:
            words = sentence.normalized_words()
            for start, end, label in entity_spans(sentence):
                name = self.honorifics.kept(words, range(start, end))
                if label != "PER" or not name or self.of_a_title(sentence, start, end, self.places) \
                        or not in_subject_position(sentence, start, end):
                    continue
                after = end + 1 if end < len(words) and words[end] in ("،", ",") else end
                for length in range(1, 9):
                    title = self.honorifics.kept(words, range(after, min(after + length, len(words))))
                    if title and not any(w in COLONS or not any(c.isalpha() for c in w) for w in title):
                        found.setdefault(title_key(title), self.fullest(name))
                        if length == 1:
                            offices.setdefault(title_key(title), self.fullest(name))
                # a title noun before the name, with no verb or colon between (not «فرماندار نیر
                # ادامه داد: قیام امام حسین»)
                rows = sentence.words()
                opener = next((i for i in range(max(0, start - 8), start) if self.is_title(words[i])
                               and not any(words[j] in COLONS or rows[j][conllu.UPOS] in ("VERB", "AUX")
                                           for j in range(i, start))), None)
                if opener is not None:
                    title = [w for w in self.honorifics.kept(words, range(opener, start)) if any(c.isalpha() for c in w)]
                    for length in range(1, len(title) + 1):
                        found.setdefault(title_key(title[:length]), self.fullest(name))
        return found, offices

    def canonical(self, name: list[str]) -> list[str]:
        """A name's words compared: without ZWNJs, a glued «سید» or «میر» written apart
        («سیدمحمد» = «سید محمد»), honorifics dropped."""
        words = []
        for word in (word.replace(ZWNJ, "") for word in name):
            prefix = next((p for p in GLUED_PREFIXES if word.startswith(p) and len(word) > len(p) + 1), None)
            words += [prefix, word[len(prefix):]] if prefix else [word]
        return [word for word in words if word not in self.honorifics.words] or words

    def fullest(self, name: list[str]) -> str:
        """The person of the document a name stands for. A surname alone is the last speaker
        if it shares it (two people of one family take turns), else the longest name with
        that surname; a name of several words is the longest name with its first and last word
        («قاسم محمدی» is not «مجید محمدی»), glued or apart alike («سیدمحمد» = «سید محمد»)."""
        if len(name) == 1 and self.last and name[0] in self.last.split():
            return self.last
        key = self.canonical(name)
        candidates = [p for p in self.persons if key[-1] in (words := self.canonical(p)) and key[0] in words] or [name]
        return " ".join(max(candidates, key=lambda p: (len(self.canonical(p)), len("".join(p)))))

    def resolve(self, description: list[str]) -> str:
        """A description as the person it names: a surname alone, or a title written beside a
        name in the document; else the description as written."""
        if len(description) == 1 and any(description[0] in p for p in self.persons):
            return self.fullest(description)
        # the longest title the description starts with; of its first word alone, only an office
        # written after a name: «امام جمعه موقت سمنان» is not the «امام» of «امام خمینی»
        for length in range(len(description), 0, -1):
            titles = self.titles if length > 1 or len(description) == 1 else self.offices
            if (person := titles.get(title_key(description[:length]))) is not None:
                return person
        return " ".join(description)


#: Parts of a first name written glued or apart («سیدمحمد»، «سید محمد»; «میرهاشم»، «میر هاشم»)
GLUED_PREFIXES = ("سید", "میر")
#: Words that a place's name follows («شهرستان نیر»، «استان گلستان»)
PLACE_NOUNS = frozenset({"شهرستان", "استان", "شهر", "بخش", "روستای", "روستا", "منطقه", "کشور"})


def title_key(words: list[str]) -> str:
    """A title compared without spaces and ZWNJs («مدیر عامل» = «مدیرعامل»)."""
    return "".join(words).replace("\u200c", "")


def entity_spans(sentence: conllu.Sentence) -> list[tuple[int, int, str]]:
    """The IOB2 entities of a sentence's words as (start, end, label)."""
    tags = [conllu.misc_get(row[conllu.MISC], MISC_NER) or "O" for row in sentence.words()]
    return [(start, end, label) for label, start, end in iob2_spans(tags)]
