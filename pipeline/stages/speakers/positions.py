"""Where a name or a sentence stands: whether a name may be the subject of a speech verb (not an
object, nor in a prepositional phrase), and whether a quotation in guillemets runs on."""

from __future__ import annotations

from gofteman import conllu
from gofteman.stages.speakers.cues import word_heads

#: Relations under which a person is an object, never the speaker of the clause's speech verb
NOT_SUBJECT_DEPS = frozenset({"obj", "iobj"})
#: «را», which marks a definite object
OBJECT_MARKER = "را"
#: How far up from a name its object or prepositional marking is looked for: the name itself
#: and the noun it is the ezafe of («از آزادی ملا برادر»)
PATH_STEPS = 2
QUOTE_OPEN, QUOTE_CLOSE = "«", "»"


def in_subject_position(sentence: conllu.Sentence, start: int, end: int, opener_end: int = -1,
                        prepositions: bool = False) -> bool:
    """Whether the name ``start:end`` stands where a subject may: neither it nor the noun it is
    the ezafe of (``PATH_STEPS`` words up the tree, stopping at a verb) is an object («دوره امام صادق را بارز کرده») or, with ``prepositions``, in a
    prepositional phrase («از آزادی ملا برادر خبر داد»). The reporter's opening («به گزارش فارس از
    شیراز، علی مزارعی ... افزود»), up to ``opener_end``, does not count: the parser often hangs
    the name after it on the opening's place."""
    rows, heads = sentence.words(), word_heads(sentence)
    marked = {heads[i] for i, row in enumerate(rows)
              if row[conllu.FORM] == OBJECT_MARKER or (prepositions and row[conllu.DEPREL] == "case")}
    word = next((i for i in range(start, end) if not start <= heads[i] < end), start)
    for _ in range(PATH_STEPS):
        if rows[word][conllu.UPOS] in ("VERB", "AUX") or not 0 <= heads[word] != word:
            return True
        exempt = word < opener_end < start
        if not exempt and (word in marked or rows[word][conllu.DEPREL].split(":")[0] in NOT_SUBJECT_DEPS):
            return False
        word = heads[word]
    return True


def quote_balance(words: list[str]) -> int:
    """Opening guillemets less closing ones: above 0, a quotation runs on past the sentence."""
    return words.count(QUOTE_OPEN) - words.count(QUOTE_CLOSE)
