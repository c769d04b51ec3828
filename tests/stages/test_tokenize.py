import json

from gofteman import conllu
from gofteman.stages.normalize import Normalize
from gofteman.stages.tokenize import Tokenize
from tests.conftest import GLUED_TEXT


def forms(sentence: conllu.Sentence) -> list[str]:
    return [row[conllu.FORM] for row in sentence.tokens()]


def misc_of(sentence: conllu.Sentence, form: str) -> str:
    return next(row[conllu.MISC] for row in sentence.tokens() if row[conllu.FORM] == form)


def test_sentences_paragraphs_and_ids(annotate):
    sentences = annotate(GLUED_TEXT, "doc-1", {"title": "آزمون"})
    assert len(sentences) == 3
    first = sentences[0]
    assert first.comments[:3] == [" newdoc id = doc-1", " meta::title = آزمون", " newpar"]
    assert [s.comment("sent_id") for s in sentences] == ["doc-1-1", "doc-1-2", "doc-1-3"]
    assert all(s.comment("newpar") == "" for s in sentences)  # one sentence per line here


def test_forms_are_original_and_norm_is_in_misc(annotate):
    sentence = annotate(GLUED_TEXT)[0]
    assert forms(sentence) == ["ما", "هرگز", "ناامید", "نمیشویم", "و", "آینده", "کشور", "را", "روشن",
                               "میبینیم", "."]
    assert conllu.misc_get(misc_of(sentence, "نمیشویم"), "Norm") == "نمی‌شویم"
    assert conllu.misc_get(misc_of(sentence, "ما"), "Norm") is None
    assert sentence.comment("text") == GLUED_TEXT.split("\n")[0]


def test_glued_number_and_unit_become_two_tokens(annotate):
    [sentence] = annotate("طول آن 9متر است.")
    assert forms(sentence) == ["طول", "آن", "9", "متر", "است", "."]
    assert conllu.misc_get(misc_of(sentence, "9"), "SpaceAfter") == "No"
    assert conllu.misc_get(misc_of(sentence, "9"), "Norm") == "۹"
    assert sentence.comment("text") == "طول آن 9متر است."


def test_punctuation_split_as_in_ud_persian(annotate):
    [sentence] = annotate("پیامبر (ص) فرمود: «امید داشته باشید»؟")
    assert forms(sentence) == ["پیامبر", "(", "ص", ")", "فرمود", ":", "«", "امید", "داشته", "باشید", "»", "؟"]


def test_a_run_of_question_and_exclamation_marks_is_one_token_per_mark(annotate):
    sentences = annotate("چرا؟! نمی‌دانم!!. گفت... و رفت")
    assert [forms(s) for s in sentences] == [["چرا", "؟", "!"], ["نمی‌دانم", "!", "!", "."], ["گفت", "...", "و", "رفت"]]
    assert conllu.misc_get(misc_of(sentences[0], "؟"), "SpaceAfter") == "No"
    assert sentences[0].comment("text") == "چرا؟!"


def test_sentence_ends_follow_hazm(annotate):
    sentences = annotate("اول آمد. دوم رفت! سوم؟ و «چهارم.» ماند")
    assert [s.comment("text") for s in sentences] == ["اول آمد.", "دوم رفت!", "سوم؟", "و «چهارم.» ماند"]


def test_long_sentence_is_cut_with_a_warning():
    stage = Tokenize.from_config(overrides={"max_sentence_tokens": 4})
    source = json.dumps({"id": "d", "text": "یک دو سه چهار پنج شش", "meta": {}})
    normalized = Normalize.from_config().process("d", source).output
    result = stage.process("d", normalized)
    sentences = conllu.parse(result.output)
    assert [len(s.tokens()) for s in sentences] == [4, 2]
    assert result.warnings == ["sentence d-1 cut after 4 tokens"]


def test_text_that_normalises_to_nothing_keeps_its_characters(annotate):
    sentences = annotate("ـــ سلام")  # a run of tatweel vanishes in normalisation
    assert conllu.rebuild_text(sentences) == "ـــ سلام"
    assert forms(sentences[0]) == ["سلام"]


def test_numbers_with_separators_stay_one_token_as_in_ud_persian(annotate):
    [sentence] = annotate("در 31/10/1917 رشد 10.7 و ۱۲٫۵ و 5% و ۱,۰۰۰ بود و ساعت ۱۱:۳۰ و 3 / 5.")
    assert forms(sentence) == ["در", "31/10/1917", "رشد", "10.7", "و", "۱۲٫۵", "و", "5%", "و", "۱,۰۰۰", "بود",
                               "و", "ساعت", "۱۱:۳۰", "و", "3", "/", "5", "."]
    assert conllu.misc_get(misc_of(sentence, "31/10/1917"), "Norm") == "۳۱/۱۰/۱۹۱۷"
    assert conllu.misc_get(misc_of(sentence, "10.7"), "Norm") == "۱۰٫۷"


def test_the_full_stop_after_a_number_is_its_own_token_and_ends_the_sentence(annotate):
    sentences = annotate("در سال 1390. ما ساعت ۱۰:۳۰... رفتیم")  # an ellipsis ends no sentence
    assert [forms(s) for s in sentences] == [["در", "سال", "1390", "."], ["ما", "ساعت", "۱۰:۳۰", "...", "رفتیم"]]
    assert conllu.rebuild_text(sentences) == "در سال 1390. ما ساعت ۱۰:۳۰... رفتیم"


def test_a_joiner_standing_alone_is_spacing_not_a_token(annotate):
    text = "متن \u200c با \u200c\u200d نیم\u200cفاصله"
    [sentence] = annotate(text)
    assert forms(sentence) == ["متن", "با", "نیم\u200cفاصله"]
    assert conllu.misc_get(misc_of(sentence, "متن"), "SpacesAfter") == "\\s\u200c\\s"  # joiners stay readable in MISC (schemas/conllu.md)
    assert conllu.rebuild_text([sentence]) == text


def test_a_hyphen_or_ellipsis_at_the_edge_of_a_word_is_its_own_token(annotate):
    [sentence] = annotate("کتاب- لاتین و -اینتر و نیمه-شب گفت… و دوشیدم٬ text, “نقل”.")
    assert forms(sentence) == ["کتاب", "-", "لاتین", "و", "-", "اینتر", "و", "نیمه-شب", "گفت", "…", "و", "دوشیدم",
                               "٬", "text", ",", "“", "نقل", "”", "."]
    assert conllu.misc_get(misc_of(sentence, "کتاب"), "SpaceAfter") == "No"


def test_a_latin_word_with_digits_or_hyphens_is_one_token_as_written(annotate):
    [sentence] = annotate("ستاره CoRoT-7b و ویروس COVID-19 و اجلاس G20 و اینترنت 4G.")
    assert forms(sentence) == ["ستاره", "CoRoT-7b", "و", "ویروس", "COVID-19", "و", "اجلاس", "G20", "و", "اینترنت",
                               "4", "G", "."]
    assert conllu.misc_get(misc_of(sentence, "COVID-19"), "Norm") is None  # not «COVID-۱۹»
