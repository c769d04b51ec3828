import pytest

from gofteman.stages.tag.context_tags import NumberNames, ProgressiveAuxiliary
from gofteman.stages.tag import Tag

NOUN = ("NOUN", "N_IANM", "Number=Sing")
PRESENT_3SG = "Number=Sing|Person=3|Tense=Pres|Voice=Act"


@pytest.fixture(scope="module")
def number_names() -> NumberNames:
    return NumberNames(**Tag.load_config()["number_names"])


@pytest.fixture(scope="module")
def progressive() -> ProgressiveAuxiliary:
    return ProgressiveAuxiliary(**Tag.load_config()["progressive_auxiliary"])


def nouns(words):
    return ["NOUN"] * len(words), [None] * len(words)


@pytest.mark.parametrize("words", [["در", "سال", "۱۳۴۲"], ["ساعت", "6", "از", "خواب"], ["دهه", "۱۹۶۰", "و"],
                                   ["روز", "۲۲", "بهمن"]])
def test_a_number_after_a_year_decade_hour_or_day_is_a_noun(number_names, words):
    index = next(i for i, word in enumerate(words) if word[0].isdigit())
    assert number_names.corrections(words, *nouns(words)) == {index: NOUN}


def test_a_number_before_another_number_word_counts_and_is_left_to_the_tagger(number_names):
    words = ["سال", "۵۲۵", "میلیون", "گردشگر"]
    assert number_names.corrections(words, ["NOUN", "NUM", "NUM", "NOUN"], [None] * 4) == {}


@pytest.mark.parametrize("words", [["۲۰", "سال"], ["کتاب", "۲۰"], ["سال", "بیست"], ["سال", "۱۲٫۵"], ["سال"]])
def test_other_numbers_and_words_are_left_to_the_tagger(number_names, words):
    assert number_names.corrections(words, *nouns(words)) == {}


@pytest.mark.parametrize("words, upos, feats", [
    (["دارد", "می‌خشکد", "."], ["VERB", "VERB", "PUNCT"], [PRESENT_3SG, PRESENT_3SG, None]),
    (["دارند", "زحمات", "شما", "را", "به", "هدر", "می‌دهند"], ["VERB", "NOUN", "PRON", "ADP", "ADP", "NOUN", "VERB"],
     ["Number=Plur|Person=3|Tense=Pres|Voice=Act", None, None, None, None, None,
      "Number=Plur|Person=3|Tense=Pres|Voice=Act"]),
])
def test_dashtan_before_its_main_verb_in_mi_is_the_progressive_auxiliary(progressive, words, upos, feats):
    person_number = "|".join(feature for feature in feats[0].split("|") if not feature.startswith("Tense"))
    assert progressive.corrections(words, upos, feats) == {0: ("AUX", "V_ACT", person_number)}


@pytest.mark.parametrize("words, upos, feats", [
    # a conjunction between: «دارد که می‌گوید» (has it that ... says)
    (["دارد", "که", "می‌گوید"], ["VERB", "SCONJ", "VERB"], [PRESENT_3SG, None, PRESENT_3SG]),
    # the next verb is not in «می»: «داشتن» is the main verb
    (["دارد", "کتاب", "خواند"], ["VERB", "NOUN", "VERB"], [PRESENT_3SG, None, "Number=Sing|Person=3|Tense=Past"]),
    # another person or tense
    (["دارم", "می‌خشکد"], ["VERB", "VERB"], ["Number=Sing|Person=1|Tense=Pres", PRESENT_3SG]),
    (["داشت", "می‌خشکد"], ["VERB", "VERB"], ["Number=Sing|Person=3|Tense=Past", PRESENT_3SG]),
    # no verb after it, or not a form of «داشتن», or not tagged VERB
    (["کتاب", "دارد"], ["NOUN", "VERB"], [None, PRESENT_3SG]),
    (["می‌رود", "می‌خشکد"], ["VERB", "VERB"], [PRESENT_3SG, PRESENT_3SG]),
    (["دارد", "می‌خشکد"], ["NOUN", "VERB"], [None, PRESENT_3SG]),
])
def test_other_uses_of_dashtan_are_left_to_the_tagger(progressive, words, upos, feats):
    assert progressive.corrections(words, upos, feats) == {}
