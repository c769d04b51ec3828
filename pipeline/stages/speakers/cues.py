"""Speech cues: speech verbs («گفت»، «افزود»), nouns with their light verb («اظهار داشت»), and
markers («به گفته»); the cue that reports a sentence; and the words that mention its speaker."""

from __future__ import annotations

from gofteman import conllu
from gofteman.constants import COLONS, DATELINE_DASHES

SUBJECT_DEPS = ("nsubj", "nsubj:pass")
#: Relations (universal part) that widen a subject to the whole name or title, and its
#: determiner («این مسؤول» points back to the last speaker).
NAME_DEPS = frozenset({"flat", "compound", "appos", "nmod", "amod", "det", "nummod"})
#: How far the light verb may follow its noun
LIGHT_VERB_WINDOW = 8
#: Relations of a verb's own auxiliaries and copula: the speaker is the subject of their head
CLAUSE_PARTS = frozenset({"cop", "aux", "aux:pass"})


class CueFinder:
    def __init__(self, speech_verbs: frozenset[str], speech_phrases: dict[tuple[str, ...], frozenset[str]],
                 speech_markers: list[tuple[str, ...]], apart: frozenset[str] = frozenset()) -> None:
        self.speech_verbs = speech_verbs
        self.speech_phrases = speech_phrases
        self.speech_markers = speech_markers
        self.apart = apart

    def find(self, sentence: conllu.Sentence) -> list[tuple[list[int], int]]:
        """Speech cues: (the cue's word indices, the index of its verb, or -1 for a marker). A
        verb counts in any tense, aspect and mood the tagger gives, but for the speaker's own
        first or second person, subjunctive or imperative; the light verb of a noun listed
        ``apart`` may follow it a few words on where the tree joins them («خواستار ... شد»)."""
        rows, words = sentence.words(), sentence.normalized_words()
        heads = word_heads(sentence)
        found = []
        for i, row in enumerate(rows):
            # the tagger can miss a speech verb's part of speech in a short sentence («وی افزود»)
            lemma = row[conllu.LEMMA]
            if lemma in self.speech_verbs and (row[conllu.UPOS] in ("VERB", "AUX") or words[i] in (lemma, lemma + "ند")):
                found.append(([i], i))
            for noun, verbs in self.speech_phrases.items():  # «اظهار داشت», «خاطر نشان کرد»
                end = i + len(noun)
                if tuple(words[i:end]) != noun or end >= len(rows):
                    continue
                if rows[end][conllu.LEMMA] in verbs:
                    found.append((list(range(i, end + 1)), end))
                elif " ".join(noun) in self.apart and (light := self._distant_light_verb(rows, heads, end - 1, verbs)):
                    found.append(([*range(i, end), light], light))
        # the reporter reports in the third person; «ادامه بدهیم» is the speaker's own words
        found = [(cue, verb) for cue, verb in found if not reported_by_the_speaker(rows[verb])]
        for marker in self.speech_markers:
            for i in range(len(words) - len(marker) + 1):
                if tuple(words[i:i + len(marker)]) == marker:
                    found.append((list(range(i, i + len(marker))), -1))
        return sorted(found, key=lambda item: item[0][0])


    @staticmethod
    def _distant_light_verb(rows: list[list[str]], heads: list[int], noun: int, verbs: frozenset[str]) -> int | None:
        """The light verb (or copula) of ``noun`` a few words on, joined to it by the tree: the
        noun's head («خواستار ... شد») or a copula of the noun («معتقد ... است»)."""
        head = heads[noun]
        if noun < head <= noun + LIGHT_VERB_WINDOW and rows[head][conllu.LEMMA] in verbs:
            return head
        return next((i for i in range(noun + 1, min(len(rows), noun + LIGHT_VERB_WINDOW + 1))
                     if heads[i] == noun and rows[i][conllu.DEPREL] in CLAUSE_PARTS
                     and rows[i][conllu.LEMMA] in verbs), None)


def word_heads(sentence: conllu.Sentence) -> list[int]:
    """Each word's head as a 0-based word index (-1 for the root or none)."""
    return [int(row[conllu.HEAD]) - 1 if row[conllu.HEAD].isdigit() else -1 for row in sentence.words()]


def mention(sentence: conllu.Sentence, cue: list[int], verb: int) -> list[int]:
    """The words of the speaker's mention: the verb's subject and its name words, or for a
    marker the words that follow it."""
    rows = sentence.words()
    heads = word_heads(sentence)
    if verb == -1:
        start = cue[-1] + 1
        return list(range(start, min(len(rows), start + 6)))
    # «معتقد است»: the subject is the copula's head's
    while rows[verb][conllu.DEPREL] in CLAUSE_PARTS and 0 <= heads[verb] != verb:
        verb = heads[verb]
    subjects = subjects_of(rows, heads, verb)
    # «وی ... اشاره کرد و گفت»: coordinated verbs share the subject of the first (UD)
    while not subjects and rows[verb][conllu.DEPREL] == "conj" and 0 <= heads[verb] != verb:
        verb = heads[verb]
        subjects = subjects_of(rows, heads, verb)
    if not subjects:
        return []
    words = {subjects[0]}
    changed = True
    while changed:
        changed = False
        for i, row in enumerate(rows):
            if i not in words and heads[i] in words and row[conllu.DEPREL].split(":")[0] in NAME_DEPS:
                words.add(i)
                changed = True
    # a dateline the parser took into the subject («سمنان - ایرنا - استاندار سمنان گفت»): the
    # speaker is what follows its last dash
    dashes = [i for i in words if rows[i][conllu.FORM] in DATELINE_DASHES]
    return sorted(i for i in words if not dashes or i > max(dashes))


def subjects_of(rows: list[list[str]], heads: list[int], verb: int) -> list[int]:
    """The verb's subjects, but none that a colon separates from it: words before «X:» are a
    dateline or a site's name («پایگاه خبری ... (Entekhab.ir): معاون ... گفت»), which the
    parser may also attach as a subject."""
    forms = [row[conllu.FORM] for row in rows]
    return [i for i, row in enumerate(rows) if heads[i] == verb and row[conllu.DEPREL] in SUBJECT_DEPS
            and not any(form in COLONS for form in forms[min(i, verb):max(i, verb)])]


def main_cue(sentence: conllu.Sentence, cues: list[tuple[list[int], int]]) -> tuple[list[int], int]:
    """The cue that reports the sentence: the one highest in the dependency tree (the main
    verb, not a speech verb inside «با بیان اینکه ...»), the first of those."""
    heads = word_heads(sentence)

    def depth(index: int) -> int:
        steps = 0
        while 0 <= heads[index] != index and steps < len(heads):
            index, steps = heads[index], steps + 1
        return steps

    return min(cues, key=lambda item: (depth(item[1] if item[1] >= 0 else item[0][0]), item[0][0]))


def reported_by_the_speaker(verb: list[str]) -> bool:
    """A verb in the first or second person or the subjunctive or imperative mood: the speaker's
    own words, not the reporter's report of them."""
    features = conllu.feats_dict(verb[conllu.FEATS])
    return features.get("Person") in ("1", "2") or features.get("Mood") in ("Sub", "Imp")
