import pytest

from gofteman.stages.tag.character_tags import CharacterTags
from gofteman.stages.tag import Tag


@pytest.fixture(scope="module")
def character_tags() -> CharacterTags:
    return CharacterTags(**Tag.load_config()["character_tags"])


@pytest.mark.parametrize("word", ["–", "?", "؟", "...", "«", "،", "/", "!؟"])
def test_a_word_of_punctuation_marks_is_punct(character_tags, word):
    assert character_tags.analysis(word) == ("PUNCT", "PUNC", "_")


@pytest.mark.parametrize("word", ["😀", "👍🏽", "👨\u200d👩\u200d👧", "❤\ufe0f", "%", "٪", "+", "$", "😀!"])
def test_a_word_of_symbols_is_sym(character_tags, word):
    assert character_tags.analysis(word) == ("SYM", "_", "_")


@pytest.mark.parametrize("word", ["MRI", "DateTime", "CoRoT-7b", "all", "Москва"])
def test_a_word_in_another_script_is_analysed_as_perdt_analyses_foreign_words(character_tags, word):
    assert character_tags.analysis(word) == ("PROPN", "N_IANM", "Number=Sing")


@pytest.mark.parametrize("word", ["امید", "۵٪", "10.7", "#امید", "\u200c", "\u064e", "MRIها"])
def test_persian_words_numbers_and_nothing_to_count_are_left_to_the_tagger(character_tags, word):
    assert character_tags.analysis(word) is None
