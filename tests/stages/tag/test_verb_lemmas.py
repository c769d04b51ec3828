"""A verb's past#present stems (MISC OrigLemma) and UD's LEMMA from the past stem the lemmatizer predicts."""

import pytest

from gofteman.stages.tag.verb_lemmas import VerbLemmas, negative_polarity, read_verb_stems, ud_lemma


@pytest.fixture(scope="module")
def shipped():
    return VerbLemmas.shipped()


@pytest.mark.parametrize("form, upos, predicted, expected", [
    ("کرد", "VERB", "کرد", "کرد#کن"),
    ("بود", "AUX", "بود", "بود#باش"),  # the learnt table (iPerUDT); hazm's last conjugation says بود#است
    ("می‌فرماید", "VERB", "فرمود", "فرمود#فرما"),  # not in the table: hazm, from the form
    ("آزمودند", "VERB", "آزمود", "آزمود#آزما"),
    ("است", "AUX", "است", "#است"),  # no past stem, as PerDT writes OrigLemma=#است
    ("کتاب", "NOUN", "کتاب", "کتاب"),  # not a verb
    ("رفت", "VERB", "رفت#رو", "رفت#رو"),  # already both stems
    ("بلاگید", "VERB", "بلاگید", "بلاگید"),  # unknown to the table and to hazm
    # the lemmatizer took the stem's «ن» for a negation; hazm conjugates the form from «نمود»
    ("نمودند", "VERB", "ماند", "نمود#نما"),
    ("نهادند", "VERB", "هاد", "نهاد#نه"),
    ("نماند", "VERB", "ماند", "ماند#مان"),  # «did not stay»: a negation, as hazm reads it too
    ("نکردند", "VERB", "کرد", "کرد#کن"),
])
def test_verb_lemma(shipped, form, upos, predicted, expected):
    assert shipped(form, upos, predicted) == expected


@pytest.mark.parametrize("stems, expected", [("کرد#کن", "کرد"), ("#است", "است"), ("#هست", "هست"), ("کتاب", "کتاب"), ("#", "#")])
def test_ud_lemma_is_the_past_stem_or_the_only_stem(stems, expected):
    assert ud_lemma(stems) == expected


def test_a_table_without_its_header_is_refused_with_its_path(tmp_path):
    table = tmp_path / "verb_stems.tsv"
    table.write_text("کرد\tکن\t3\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"verb_stems.tsv:1: expected the header"):
        read_verb_stems(table)


def test_a_malformed_row_is_refused_with_its_line(tmp_path):
    table = tmp_path / "verb_stems.tsv"
    table.write_text("past\tpresent\tcount\nکرد\tکن\t3\nشد شو\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"verb_stems.tsv:3: expected 3 tab-separated fields, got 1"):
        read_verb_stems(table)


def test_the_shipped_table_reads():
    assert len(VerbLemmas.shipped().learnt) > 100


@pytest.mark.parametrize("form, upos, lemma, feats, expected", [
    # the tagger left the feature off a negated perfect
    ("نشده‌اند", "VERB", "شد", "Number=Plur|Person=3|VerbForm=Part", "Number=Plur|Person=3|Polarity=Neg|VerbForm=Part"),
    ("نکرد", "VERB", "کرد", "_", "Polarity=Neg"),
    ("نوشته", "VERB", "نوشت", "VerbForm=Part", "VerbForm=Part"),  # the stem's own «ن»
    ("نشده", "ADJ", "نشده", "_", "_"),  # not a verb
    ("ند", "AUX", "هست", "Number=Plur|Person=3", "Number=Plur|Person=3"),  # the «ند» of «نیستند»
    ("نکرد", "VERB", "کرد", "Polarity=Neg", "Polarity=Neg"),  # already there
])
def test_negative_polarity(form, upos, lemma, feats, expected):
    assert negative_polarity(form, upos, lemma, feats, frozenset({"ند"})) == expected
