"""The ner stage with the shipped model."""

import pytest

from pipeline import conllu
from pipeline.stages.ner import Ner, bioes_to_iob2


@pytest.fixture(scope="module")
def recognised(annotate):
    text = "حسن روحانی در مشهد سخنرانی کرد.\nسازمان ملل متحد از ایران حمایت کرد."
    conll = conllu.format_sentences(annotate(text, "ner-test"))
    return conllu.parse(Ner.from_config().process("ner-test", conll).output)


def tags(sentence):
    return [conllu.misc_get(row[conllu.MISC], "NER") or "O" for row in sentence.tokens()]


def test_person_and_location(recognised):
    assert tags(recognised[0]) == ["B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"]


def test_organisation_spanning_three_tokens(recognised):
    assert tags(recognised[1])[:3] == ["B-ORG", "I-ORG", "I-ORG"]


def test_outside_tokens_carry_no_attribute(recognised):
    row = recognised[0].tokens()[2]
    assert row[conllu.FORM] == "در" and conllu.misc_get(row[conllu.MISC], "NER") is None


@pytest.mark.parametrize("bioes, iob2", [("S-PER", "B-PER"), ("B-ORG", "B-ORG"), ("I-ORG", "I-ORG"),
                                         ("E-ORG", "I-ORG"), ("O", "O")])
def test_bioes_to_iob2(bioes, iob2):
    assert bioes_to_iob2(bioes) == iob2
