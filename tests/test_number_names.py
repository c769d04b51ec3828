import pytest

from pipeline.number_names import NumberNames
from pipeline.stages.tag import Tag

NOUN = ("NOUN", "N_IANM", "Number=Sing")


@pytest.fixture(scope="module")
def number_names() -> NumberNames:
    return NumberNames(**Tag.load_config()["number_names"])


@pytest.mark.parametrize("words", [["در", "سال", "۱۳۴۲"], ["ساعت", "6", "از", "خواب"], ["دهه", "۱۹۶۰", "و"],
                                   ["روز", "۲۲", "بهمن"]])
def test_a_number_after_a_year_decade_hour_or_day_is_a_noun(number_names, words):
    upos = ["NOUN"] * len(words)
    index = next(i for i, word in enumerate(words) if word[0].isdigit())
    assert number_names.corrections(words, upos) == {index: NOUN}


def test_a_number_before_another_number_word_counts_and_is_left_to_the_tagger(number_names):
    words = ["سال", "۵۲۵", "میلیون", "گردشگر"]
    assert number_names.corrections(words, ["NOUN", "NUM", "NUM", "NOUN"]) == {}


@pytest.mark.parametrize("words", [["۲۰", "سال"], ["کتاب", "۲۰"], ["سال", "بیست"], ["سال", "۱۲٫۵"], ["سال"]])
def test_other_numbers_and_words_are_left_to_the_tagger(number_names, words):
    assert number_names.corrections(words, ["NOUN"] * len(words)) == {}
