"""The clause reading of a cue on annotated CoNLL-U, shaped as the tag stage writes it: negation,
the perfect where the tagger leaves the feature off, and the present of time to come."""

import re

import spacy

from gofteman import conllu
from gofteman.frames.clauses import (ClauseCues, change_theme, is_negated, not_done, not_future, theme_polarity,
                                     unrealized)
from gofteman.frames.docs import sentence_doc

CUES = ClauseCues(modals=frozenset({"باید", "توان"}), future_times=frozenset({"آینده"}))


def _doc(rows: list[str]):
    lines = "".join(f"{n}\t{row}\n" for n, row in enumerate(rows, 1))
    [sentence] = conllu.parse(f"# sent_id = t-1\n# text = x\n{lines}\n")
    return sentence_doc(spacy.blank("fa").vocab, sentence)


# «... و موفق نشده‌اند.»: the negated perfect, with the Polarity the tag stage writes
UNSUCCESSFUL = ["آنها\tاو\tPRON\t_\tNumber=Plur|Person=3\t3\tnsubj\t_\t_",
                "موفق\tموفق\tADJ\t_\t_\t3\txcomp\t_\t_",
                "نشده‌اند\tشد\tVERB\t_\tNumber=Plur|Person=3|Polarity=Neg|VerbForm=Part|Voice=Act\t0\troot\t_\tSpaceAfter=No",
                ".\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_"]
# «شرکت به منابع جدیدی دست پیدا کرده»: a bare participle, the auxiliary elided, no VerbForm
ATTAINED = ["شرکت\tشرکت\tPROPN\t_\tNumber=Sing\t5\tnsubj\t_\t_",
            "منابع\tمنبع\tNOUN\t_\tNumber=Plur\t5\tobl:arg\t_\t_",
            "دست\tدست\tNOUN\t_\tNumber=Sing\t5\tcompound:lvc\t_\t_",
            "پیدا\tپیدا\tADJ\t_\t_\t5\tcompound:lvc\t_\t_",
            "کرده\tکرد\tVERB\t_\tNumber=Sing|Person=3|Voice=Act\t0\troot\t_\tSpaceAfter=No",
            ".\t.\tPUNCT\t_\t_\t5\tpunct\t_\t_"]
# «شرکت به منابع جدیدی دست پیدا می‌کند»: the present, no claim of something done
ATTAINING = ATTAINED[:4] + ["می‌کند\tکرد\tVERB\t_\tNumber=Sing|Person=3|Tense=Pres|Voice=Act\t0\troot\t_\tSpaceAfter=No",
                            ATTAINED[5]]
# «نوشته»: a participle with no Polarity (its stem begins with «ن») is not negative
WRITTEN = ["او\tاو\tPRON\t_\tNumber=Sing|Person=3\t3\tnsubj\t_\t_",
           "موفق\tموفق\tADJ\t_\t_\t3\txcomp\t_\t_",
           "نوشته\tنوشت\tVERB\t_\tNumber=Sing|Person=3|VerbForm=Part\t0\troot\t_\tSpaceAfter=No",
           ".\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_"]

# «این بیمارستان سال آینده افتتاح می‌شود»: the present of time to come
OPENING_NEXT_YEAR = ["این\tاین\tDET\t_\t_\t2\tdet\t_\t_",
                     "بیمارستان\tبیمارستان\tNOUN\t_\tNumber=Sing\t6\tnsubj\t_\t_",
                     "سال\tسال\tNOUN\t_\tNumber=Sing\t6\tobl\t_\t_",
                     "آینده\tآینده\tADJ\t_\t_\t3\tamod\t_\t_",
                     "افتتاح\tافتتاح\tNOUN\t_\tNumber=Sing\t6\tcompound:lvc\t_\t_",
                     "می‌شود\tشد\tVERB\t_\tMood=Ind|Number=Sing|Person=3|Tense=Pres\t0\troot\t_\tSpaceAfter=No",
                     ".\t.\tPUNCT\t_\t_\t6\tpunct\t_\t_"]
# «این بیمارستان سال گذشته افتتاح می‌شود»: the same present with no time to come
OPENING_LAST_YEAR = OPENING_NEXT_YEAR[:3] + ["گذشته\tگذشته\tADJ\t_\t_\t3\tamod\t_\t_"] + OPENING_NEXT_YEAR[4:]


def test_a_negative_predicate_negates_its_clause():
    doc = _doc(UNSUCCESSFUL)
    assert is_negated(doc[1:2], set())


def test_a_participle_without_the_feature_is_not_negative():
    doc = _doc(WRITTEN)
    assert not is_negated(doc[1:2], set())


def test_a_bare_participle_claims_something_done():
    assert not_done(_doc(ATTAINED)[2:5], CUES) is None


def test_the_present_claims_nothing_done():
    assert not_done(_doc(ATTAINING)[2:5], CUES) == "the clause of «می‌کند» is not in the past or the perfect"


def test_a_present_with_time_to_come_is_a_future():
    opening = _doc(OPENING_NEXT_YEAR)[4:5]
    assert not_future(opening, CUES) is None
    assert not_done(opening, CUES) == "the clause of «می‌شود» speaks of the future («آینده»)"


def test_a_present_without_time_to_come_is_no_future():
    assert not_future(_doc(OPENING_LAST_YEAR)[4:5], CUES) == "the clause of «می‌شود» is not in the future"


# «... ساخته می‌شود» / «... ساخته شد» / «... ساخته نشد»: the passive as PerDT writes it, the
# participle an xcomp of «شدن», which carries the tense and the negation
def _built(verb: str, feats: str) -> list[str]:
    return ["سالن\tسالن\tNOUN\t_\tNumber=Sing\t3\tnsubj:pass\t_\t_",
            "ساخته\tساخت\tVERB\t_\tNumber=Sing|Person=3|Tense=Past|Voice=Pass\t3\txcomp\t_\t_",
            f"{verb}\tشد\tVERB\t_\t{feats}\t0\troot\t_\tSpaceAfter=No",
            ".\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_"]


def test_a_present_passive_claims_nothing_done():
    doc = _doc(_built("می‌شود", "Number=Sing|Person=3|Tense=Pres"))
    assert not_done(doc[1:2], CUES) == "the clause of «می‌شود» is not in the past or the perfect"


def test_a_past_passive_claims_something_done():
    assert not_done(_doc(_built("شد", "Number=Sing|Person=3|Tense=Past"))[1:2], CUES) is None


def test_a_negated_passive_is_negated_at_its_auxiliary():
    assert is_negated(_doc(_built("نشد", "Number=Sing|Person=3|Polarity=Neg|Tense=Past"))[1:2], set())


# «ما توانسته‌ایم ... کنیم»: the perfect of «توانستن», which the tagger leaves without Tense
MANAGED = ["ما\tما\tPRON\t_\tNumber=Plur|Person=1\t2\tnsubj\t_\t_",
           "توانسته‌ایم\tتوانست\tVERB\t_\tNumber=Plur|Person=1|VerbForm=Part|Voice=Act\t0\troot\t_\t_",
           "کار\tکار\tNOUN\t_\tNumber=Sing\t4\tcompound:lvc\t_\t_",
           "کنیم\tکرد\tVERB\t_\tMood=Sub|Number=Plur|Person=1|Tense=Pres\t2\tccomp\t_\tSpaceAfter=No",
           ".\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_"]


def test_the_perfect_of_tavanestan_is_a_deed_not_a_modal():
    cues = ClauseCues(modals=frozenset({"باید", "توانست"}), future_times=CUES.future_times)
    assert not_done(_doc(MANAGED)[1:2], cues) is None


# «... رتبه شانزدهم را به دست آورد»: the past third singular the tagger leaves without Tense (it
# reads «آورد» as a subjunctive); «... از مهم‌ترین این طرح هاست»: a mis-split «ها» + «ست» that is
# no verb of hazm's list
def _took(verb: str, lemma: str) -> list[str]:
    return ["کشور\tکشور\tNOUN\t_\tNumber=Sing\t4\tnsubj\t_\t_",
            "رتبه\tرتبه\tNOUN\t_\tNumber=Sing\t4\tobj\t_\t_",
            "دست\tدست\tNOUN\t_\tNumber=Sing\t4\tcompound:lvc\t_\t_",
            f"{verb}\t{lemma}\tVERB\t_\tNumber=Sing|Person=3|Voice=Act\t0\troot\t_\tSpaceAfter=No",
            ".\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_"]


def test_a_bare_past_stem_claims_something_done():
    assert not_done(_doc(_took("آورد", "آورد"))[2:4], CUES) is None


def test_a_bare_word_that_is_no_past_stem_claims_nothing_done():
    assert not_done(_doc(_took("هاست", "هاست"))[2:4], CUES) == "the clause of «هاست» is not in the past or the perfect"


# «... به دست بیاورد» / «... تلاش کنیم» / «... موفق باشید»: subjunctives the tagger marks neither by
# Mood nor by Tense, as UD PerDT writes them; «... رتبه اول را دارد»: the present of «داشتن»
def test_a_subjunctive_without_mood_claims_nothing():
    for verb, lemma in (("برسیم", "رسید"), ("کنیم", "کرد"), ("نکند", "کرد"), ("باشید", "بود")):
        assert unrealized(_doc(_took(verb, lemma))[2:4], CUES) == (
            f"the clause of «{verb}» is subjunctive or imperative («{verb}»)")


def test_the_present_of_having_and_a_bare_past_stem_are_no_subjunctive():
    for verb, lemma in (("دارد", "داشت"), ("آورد", "آورد"), ("رسید", "رسید")):
        assert unrealized(_doc(_took(verb, lemma))[2:4], CUES) is None


# «افتتاح ۴۰ پروژه در گرمسار»: a verbless headline, which reports the event as done, unless it
# names a time to come
def _headline(last: str) -> list[str]:
    return ["افتتاح\tافتتاح\tNOUN\t_\tNumber=Sing\t0\troot\t_\t_",
            "۴۰\t۴۰\tNUM\t_\t_\t3\tnummod\t_\t_",
            "پروژه\tپروژه\tNOUN\t_\tNumber=Sing\t1\tnmod\t_\t_",
            f"{last}\t{last}\tNOUN\t_\tNumber=Sing\t1\tnmod\t_\tSpaceAfter=No"]


def test_a_verbless_headline_reports_its_event_as_done():
    assert not_done(_doc(_headline("گرمسار"))[0:1], CUES) is None


def test_a_verbless_headline_with_time_to_come_does_not():
    assert not_done(_doc(_headline("آینده"))[0:1], CUES) == "the verbless sentence speaks of the future («آینده»)"


# «قیمت‌ها افزایش یافت.»: the thing that grows is the subject of the light verb
PRICES_ROSE = ["قیمت‌ها\tقیمت\tNOUN\t_\tNumber=Plur\t3\tnsubj\t_\t_",
               "افزایش\tافزایش\tNOUN\t_\tNumber=Sing\t3\tcompound:lvc\t_\t_",
               "یافت\tیافت\tVERB\t_\tNumber=Sing|Person=3|Tense=Past\t0\troot\t_\tSpaceAfter=No",
               ".\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_"]
# «تولید را افزایش دادیم.»: with «دادن», the object
OUTPUT_RAISED = ["تولید\tتولید\tNOUN\t_\tNumber=Sing\t4\tobj\t_\t_",
                 "را\tرا\tADP\t_\t_\t1\tcase\t_\t_",
                 "افزایش\tافزایش\tNOUN\t_\tNumber=Sing\t4\tcompound:lvc\t_\t_",
                 "دادیم\tداد\tVERB\t_\tNumber=Plur|Person=1|Tense=Past\t0\troot\t_\tSpaceAfter=No",
                 ".\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_"]
# «افزایش نرخ بیکاری»: the ezafe dependent and its own, a neutral head first
UNEMPLOYMENT_RATE_RISE = ["افزایش\tافزایش\tNOUN\t_\tNumber=Sing\t0\troot\t_\t_",
                          "نرخ\tنرخ\tNOUN\t_\tNumber=Sing\t1\tnmod\t_\t_",
                          "بیکاری\tبیکاری\tNOUN\t_\tNumber=Sing\t2\tnmod\t_\t_"]
POLARITIES = {"good": re.compile("^(تولید|صادرات)"), "bad": re.compile("^(قیمت|بیکاری)")}


def test_the_thing_that_changes_is_read_from_the_tree():
    rose, raised, rate = _doc(PRICES_ROSE), _doc(OUTPUT_RAISED), _doc(UNEMPLOYMENT_RATE_RISE)
    assert [word.text for word in change_theme(rose[1])] == ["قیمت‌ها"]
    assert [word.text for word in change_theme(raised[2])][0] == "تولید"
    assert [word.text for word in change_theme(rate[0])] == ["نرخ", "بیکاری"]
    assert theme_polarity(rose[1], POLARITIES)[0] == "bad"
    assert theme_polarity(raised[2], POLARITIES)[0] == "good"
    polarity, word = theme_polarity(rate[0], POLARITIES)
    assert (polarity, word.text) == ("bad", "بیکاری")


def test_a_theme_of_unknown_polarity_has_none():
    assert theme_polarity(_doc(PRICES_ROSE)[1], {"good": re.compile("^تولید")}) == (None, None)
