"""The mwt stage with the shipped tokenizer and MWT expander, on sentences written for the tests."""

import pytest

from gofteman import conllu
from gofteman.stages.mwt import keep_junction_zwnj, original_spelling, sentence_text, split_rows

TEXT = "او کتابش را به من داد.\nخودشان گفتند که دوستانم آمدند.\nمردم در تهران زندگی می‌کنند."


@pytest.fixture(scope="module")
def split(annotate_words):
    return annotate_words(TEXT, "mwt-test")


def ranges(sentence):
    return {row[conllu.FORM]: [word[conllu.FORM] for word in words]
            for row, words in sentence.token_words() if "-" in row[conllu.ID]}


def test_pronominal_clitics_are_split_as_ud_persian_does(split):
    assert ranges(split[0]) == {"کتابش": ["کتاب", "ش"]}
    assert ranges(split[1]) == {"خودشان": ["خود", "شان"], "دوستانم": ["دوستان", "م"]}


def test_words_that_only_end_like_a_clitic_stay_whole(split):
    assert ranges(split[2]) == {}  # «مردم» (people) is not «مرد» + «م»


def test_perfect_verbs_stay_whole_but_a_noun_with_a_clitic_after_a_zwnj_is_split(annotate_words):
    # in these sentences stanza's tokenizer splits «گرفته‌اند» and «داده‌ام» like «خانه‌ام»; PerDT
    # writes them whole
    first, second = annotate_words("وقتی می‌بیند همه یاد گرفته‌اند، می‌نشیند.\n"
                                   "راجع به قولی که در خانه‌ام به کسی داده‌ام سهل‌انگاری نمی‌کنم.", "mwt-perfect")
    assert ranges(first) == {}
    assert ranges(second) == {"خانه‌ام": ["خانه‌", "ام"]}
    assert ranges(annotate_words("معتقدیم که آنها گرفتارند.", "mwt-copula")[0]) == {
        "معتقدیم": ["معتقد", "یم"], "گرفتارند": ["گرفتار", "ند"]}


def test_a_token_split_in_three_stays_whole_and_mara_is_always_split(annotate_words):
    # stanza cuts the name «هاچیکو» into «ها» + «چیک» + «و», and leaves this «مرا» whole
    sentence, = annotate_words("مرا ببخشید که هاچیکو یک روز به ایستگاه می‌آید.", "mwt-three")
    assert ranges(sentence) == {"مرا": ["م", "را"]}


def test_a_split_whose_last_word_is_no_enclitic_stays_whole(annotate_words):
    # stanza's tokenizer learnt «این» + «که», «کم‌» + «کم», «هر» + «کس» from iPerUDT; PerDT and
    # Seraji write one word
    sentence, = annotate_words("اینکه کم‌کم هوا سرد شد را دیدم و هرکس یک‌سره گفت.", "mwt-whole")
    assert ranges(sentence) == {}


def test_clitics_the_tokenizer_leaves_on_a_noun_are_split_by_the_lexicon_rule(annotate_words):
    # stanza's tokenizer leaves «کلاهش», «دردم» and «جایم» whole (pipeline/clitics.py splits them)
    sentence, = annotate_words("پسر کلاهش را برداشت و از دردم در جایم گفت.", "mwt-clitics")
    assert ranges(sentence) == {"کلاهش": ["کلاه", "ش"], "دردم": ["درد", "م"], "جایم": ["جا", "یم"]}


def test_a_clitic_after_a_vowel_takes_the_glide_except_after_a_preposition(annotate_words):
    # the MWT expander writes «خودروی» + «ش» (iPerUDT's spelling); PerDT writes «خودرو» + «یش»
    sentence, = annotate_words("خودرویش را برایش خریدم و کارهایش را کردم.", "mwt-glide")
    assert ranges(sentence) == {"خودرویش": ["خودرو", "یش"], "برایش": ["برای", "ش"],
                                "کارهایش": ["کارهای", "ش"]}


def test_surface_tokens_sentences_and_text_are_unchanged(annotate, split):
    tokens_only = annotate(TEXT, "mwt-test")
    assert [[row[conllu.FORM] for row in s.tokens()] for s in split] == \
           [[row[conllu.FORM] for row in s.tokens()] for s in tokens_only]
    assert conllu.rebuild_text(split) == TEXT
    assert [s.comment("text") for s in split] == [s.comment("text") for s in tokens_only]


def test_words_are_numbered_after_the_range(split):
    assert [row[conllu.ID] for row in split[0].rows] == ["1", "2-3", "2", "3", "4", "5", "6", "7", "8"]
    range_row = split[0].rows[1]
    assert range_row[conllu.MISC] == "_" and split[0].rows[3][conllu.MISC] == "_"


def test_split_rows_keeps_the_token_misc_on_the_range():
    [sentence] = conllu.parse("1\tکتابش\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n")
    split_rows(sentence, {0: ["کتاب", "ش"]})
    assert [row[:2] + row[9:] for row in sentence.rows] == [
        ["1-2", "کتابش", "SpaceAfter=No"], ["1", "کتاب", "_"], ["2", "ش", "_"], ["3", ".", "_"]]
    assert sentence.normalized_words() == ["کتاب", "ش", "."]
    assert sentence.word_spaces() == [False, False, True]


def test_words_are_written_as_the_token_spells_them_and_read_as_normalised():
    # «همکلاسم»: the ZWNJ repair wrote «هم‌کلاسم», split «هم‌کلاس» + «م»; PerDT's words are its pieces
    [sentence] = conllu.parse("1\tهمکلاسم\t_\t_\t_\t_\t_\t_\t_\tNorm=هم\u200cکلاسم\n\n")
    split_rows(sentence, {0: ["هم\u200cکلاس", "م"]})
    assert [row[:2] + row[9:] for row in sentence.rows] == [
        ["1-2", "همکلاسم", "Norm=هم\u200cکلاسم"], ["1", "همکلاس", "Norm=هم\u200cکلاس"], ["2", "م", "_"]]
    assert sentence.normalized_words() == ["هم\u200cکلاس", "م"]


@pytest.mark.parametrize(("form", "words", "spelled"), [
    ("همکلاسم", ["هم\u200cکلاس", "م"], ["همکلاس", "م"]),  # a ZWNJ the normaliser put in
    ("خانهام", ["خانه\u200c", "ام"], ["خانه", "ام"]),
    ("دارایی\u200cشان", ["دارایی\u200c", "شان"], ["دارایی\u200c", "شان"]),  # the original's own ZWNJ
    ("مرا", ["من", "را"], ["من", "را"]),  # words that do not spell the token
    ("كتابش", ["کتاب", "ش"], ["کتاب", "ش"]),  # respelled otherwise: the models' words
])
def test_original_spelling(form, words, spelled):
    assert original_spelling(form, words) == spelled


def test_stanza_reads_the_normalised_text_with_the_original_spacing():
    [sentence] = conllu.parse("1\tكتابش\t_\t_\t_\t_\t_\t_\t_\tNorm=کتابش\n"
                              "2\tداد\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n")
    assert sentence_text(sentence) == ("کتابش داد.", [(0, 5), (6, 9), (9, 10)])


@pytest.mark.parametrize("token, words, kept", [
    ("دارایی\u200cشان", ["دارایی", "شان"], ["دارایی\u200c", "شان"]),  # PerDT: the ZWNJ stays on the host
    ("کتابش", ["کتاب", "ش"], ["کتاب", "ش"]),
    ("مرا", ["من", "را"], ["من", "را"]),  # words that do not spell the token stay as they are
    ("خانه\u200cاش\u200cرا", ["خانه", "اش", "را"], ["خانه\u200c", "اش\u200c", "را"]),
])
def test_zwnj_between_words_of_a_multiword_token_stays_on_the_first(token, words, kept):
    assert keep_junction_zwnj(token, words) == kept


def test_a_token_raw_text_writes_far_more_often_than_its_host_stays_whole(annotate_words):
    # the lexicon rule read «لیست» as «لیس» + «ت» and stanza «متهمان» as «مته» + «مان»; raw text has
    # «لیست» 19 times to «لیس» 3, «متهمان» 8 to «مته» 1. «دستش» (32, «دست» 752) and the copula
    # ending of «امیدوارم» are split still
    sentence, = annotate_words("متهمان لیست اموال را دستش دادند و امیدوارم برگردند.", "mwt-attested")
    assert ranges(sentence) == {"دستش": ["دست", "ش"], "امیدوارم": ["امیدوار", "م"]}


def test_an_ending_written_apart_from_its_participle_stays_whole(annotate_words):
    # news often writes the perfect's ending apart («داشته ایم»); stanza's tokenizer cut that «ایم»
    # into «ای» + «م»; UD Persian never splits an ending that stands alone («نامه ام»: «ام» PRON)
    sentence, = annotate_words("ما این طرح را اجرا کرده ایم و شما هم دیده اید.", "mwt-apart")
    assert ranges(sentence) == {}
    assert [row[conllu.FORM] for row in sentence.words()][5:7] == ["کرده", "ایم"]
