"""The anchored Matcher finds what one spaCy Matcher finds, running only the keys a sentence can match."""

import re

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from gofteman.frames.anchored import Anchor, AnchoredMatcher, pattern_anchors

PATTERNS = {
    "hope": [[{"NORM": {"IN": ["امید", "امیدواری"]}}, {"NORM": "داریم", "OP": "?"}]],
    "plot": [[{"LEMMA": {"REGEX": "^توطئه"}}, {"POS": "ADP", "OP": "*"}, {"NORM": "دشمن"}]],
    "number": [[{"POS": "NUM"}, {"NORM": "درصد"}], [{"POS": "NUM"}, {"POS": "NOUN"}]],  # the second has no anchor
    "negated": [[{"NORM": "نه", "OP": "!"}, {"NORM": {"IN": ["رشد"]}}]],
    "hope/context": [[{"NORM": {"IN": ["آینده", "فردا"]}}]],
}


def doc(nlp, words, lemmas=None, pos=None) -> Doc:
    return Doc(nlp.vocab, words=words, lemmas=lemmas or words, pos=pos or ["NOUN"] * len(words))


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("fa")


SENTENCES = [
    (["ما", "امید", "داریم", "که", "آینده", "روشن", "است"], None, None),
    (["توطئه‌های", "از", "دشمن"], ["توطئه", "از", "دشمن"], ["NOUN", "ADP", "NOUN"]),
    (["۲۰", "درصد", "رشد"], None, ["NUM", "NOUN", "NOUN"]),
    (["فردا", "روشن", "است"], None, None),
    (["نه", "رشد"], None, None),
]


def test_the_same_matches_as_one_matcher(nlp):
    single, anchored = Matcher(nlp.vocab, validate=True), AnchoredMatcher(nlp.vocab)
    for key, patterns in PATTERNS.items():
        single.add(key, patterns)
        anchored.add(key, patterns)
    for words, lemmas, pos in SENTENCES:
        sentence = doc(nlp, words, lemmas, pos)
        assert sorted(anchored(sentence)) == sorted(single(sentence)), words
    assert len(anchored) == len(single)


def test_keys_run_only_where_their_anchors_pass(nlp):
    anchored = AnchoredMatcher(nlp.vocab)
    for key, patterns in PATTERNS.items():
        anchored.add(key, patterns)
    ran = []
    for key, matcher in anchored.matchers.items():
        anchored.matchers[key] = lambda d, key=key, matcher=matcher: ran.append(key) or matcher(d)
    anchored(doc(nlp, ["فردا", "روشن", "است"]))
    assert ran == ["number", "hope/context"]  # «number» has a pattern with no anchor: it always runs


def test_a_key_that_needs_another_runs_only_after_it(nlp):
    anchored = AnchoredMatcher(nlp.vocab)
    anchored.add("hope", PATTERNS["hope"])
    anchored.add("hope/context", PATTERNS["hope/context"], needs="hope")
    strings = nlp.vocab.strings
    assert [strings[m] for m, *_ in anchored(doc(nlp, ["فردا", "روشن", "است"]))] == []
    assert [strings[m] for m, *_ in anchored(doc(nlp, ["فردا", "روشن", "است"]), found={"hope"})] == ["hope/context"]
    assert [strings[m] for m, *_ in anchored(doc(nlp, ["امید", "به", "فردا"]))] == ["hope", "hope/context"]


def test_anchors_are_the_words_a_match_needs():
    anchors = pattern_anchors([{"NORM": {"IN": ["الف", "ب"]}, "POS": "NOUN"}, {"LEMMA": "ج", "OP": "?"},
                               {"NORM": {"REGEX": "^د", "NOT_IN": ["دو"]}, "OP": "+"}, {"NORM": "ه", "OP": "!"}])
    assert anchors == {Anchor("NORM", values=frozenset(["الف", "ب"])), Anchor("NORM", regex=re.compile("^د"))}
    assert pattern_anchors([{"POS": "NUM"}, {"NORM": "ب", "OP": "*"}]) == frozenset()


def test_an_invalid_pattern_fails_as_spacy_fails(nlp):
    with pytest.raises(ValueError):
        AnchoredMatcher(nlp.vocab).add("bad", [[{"NORM": {"NOPE": ["x"]}}]])
