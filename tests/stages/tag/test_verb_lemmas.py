"""A verb's past#present stems (MISC OrigLemma) and UD's LEMMA from the past stem the lemmatizer predicts."""

import pytest

from gofteman.stages.tag.verb_lemmas import VerbLemmas, read_verb_stems, ud_lemma


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
])
def test_verb_lemma(shipped, form, upos, predicted, expected):
    assert shipped(form, upos, predicted) == expected


@pytest.mark.parametrize("stems, expected", [("کرد#کن", "کرد"), ("#است", "است"), ("#هست", "هست"), ("کتاب", "کتاب")])
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
