"""The ner stage with the shipped model."""

import pytest

from gofteman import conllu
from gofteman.stages.ner import Ner, bioes_to_iob2


@pytest.fixture(scope="module")
def recognised(annotate_words):
    text = "حسن روحانی در مشهد سخنرانی کرد.\nسازمان ملل متحد از ایران حمایت کرد."
    conll = conllu.format_sentences(annotate_words(text, "ner-test"))
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


def test_words_of_a_multiword_token_take_its_tag():
    [sentence] = conllu.parse("1-2\tعلیش\t_\t_\t_\t_\t_\t_\t_\t_\n1\tعلی\t_\t_\t_\t_\t_\t_\t_\t_\n"
                              "2\tش\t_\t_\t_\t_\t_\t_\t_\t_\n3\tآمد\t_\t_\t_\t_\t_\t_\t_\t_\n\n")
    Ner.annotate(None, [sentence], [["S-PER", "O"]])  # stanza tags surface tokens
    assert [conllu.misc_get(row[conllu.MISC], "NER") for row in sentence.rows] == [None, "B-PER", "I-PER", None]


@pytest.mark.slow
def test_tags_what_stanza_pipeline_tags(annotate_words):
    text = ("رئیس‌جمهور ایران در سفر به نیویورک با دبیرکل سازمان ملل دیدار کرد.\n"
            "وزارت امور خارجه آمریکا از دولت عراق خواست که انتخابات را برگزار کند.")
    stage = Ner.from_config()
    sentences = annotate_words(text, "ner-stanza")
    stanzas = stage.pipeline([stage.stanza_input(sentence) for sentence in sentences]).sentences
    assert stage.analyse(sentences) == [[token.ner for token in sentence.tokens] for sentence in stanzas]
    assert any(tag != "O" for sentence in stage.analyse(sentences) for tag in sentence)
