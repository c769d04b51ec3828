import pytest

from pipeline.punctuation import PunctuationTags
from pipeline.stages.tag import Tag


@pytest.fixture(scope="module")
def punctuation() -> PunctuationTags:
    return PunctuationTags(**Tag.load_config()["punctuation"])


@pytest.mark.parametrize("word", ["–", "?", "؟", "...", "«", "،", "/", "!؟"])
def test_a_word_of_punctuation_marks_is_punct(punctuation, word):
    assert punctuation.analysis(word) == ("PUNCT", "PUNC", "_")


@pytest.mark.parametrize("word", ["😀", "👍🏽", "👨\u200d👩\u200d👧", "❤\ufe0f", "%", "٪", "+", "$", "😀!"])
def test_a_word_of_symbols_is_sym(punctuation, word):
    assert punctuation.analysis(word) == ("SYM", "_", "_")


@pytest.mark.parametrize("word", ["امید", "۵٪", "10.7", "#امید", "CoRoT-7b", "\u200c", "\u064e"])
def test_words_with_letters_or_digits_or_nothing_to_count_are_left_to_the_tagger(punctuation, word):
    assert punctuation.analysis(word) is None
