from collections import Counter

import pytest

from gofteman.constants import ZWNJ
from gofteman.stages.normalize import Normalize
from gofteman.text.zwnj import ZwnjLexicon, ZwnjRepairer


@pytest.fixture(scope="module")
def repairer() -> ZwnjRepairer:
    return Normalize.from_config().normalizer.repairer


@pytest.mark.parametrize("glued, repaired", [
    ("میکنند", "می‌کنند"),  # verb prefix, from hazm's conjugations
    ("توطئههای", "توطئه‌های"),  # plural suffix after ه
    ("تأمیناجتماعی", "تأمین‌اجتماعی"),  # two frequent words
    ("بیمهشدگان", "بیمه‌شدگان"),
    ("کتابهای", "کتاب‌های"),
    ("رفتهاند", "رفته‌اند"),
    ("خانهای", "خانه‌ای"),
])
def test_repairs_lost_zwnj(repairer, glued, repaired):
    assert repairer.repair_word(glued) == repaired


@pytest.mark.parametrize("word", ["میز", "بیمه", "همایش", "قرارگاه", "امیدواریم", "جمهوری", "رهایم"])
def test_leaves_words_that_need_no_zwnj(repairer, word):
    assert repairer.repair_word(word) == word


@pytest.mark.parametrize("affix", ["های", "ها", "هایی", "ترین", "می"])
def test_leaves_an_affix_spaced_off_its_stem_as_written(repairer, affix):
    # «ستون های اصلی»: the «های» had become «ه‌ای»
    assert repairer.repair(f"ستون {affix} اصلی") == f"ستون {affix} اصلی"


def test_trusts_zwnjs_already_written(repairer):
    assert repairer.repair_word("می" + ZWNJ + "کنند") == "می" + ZWNJ + "کنند"


def test_repair_only_inserts_zwnjs(repairer):
    text = "توطئههای دشمنان در 1401 خنثی شد، میدانیم."
    assert repairer.repair(text).replace(ZWNJ, "") == text


def test_suffix_needs_a_known_stem():
    lexicon = ZwnjLexicon(Counter({"کتاب": 5}))
    repairer = ZwnjRepairer(lexicon, {"ها": ""}, [], 1, 3, 0.5, 1000, 3)
    assert repairer.repair_word("کتابها") == "کتاب" + ZWNJ + "ها"
    assert repairer.repair_word("زرتابها") == "زرتابها"  # unknown stem: left alone


def test_no_suffix_split_where_its_first_letter_ends_a_known_word():
    # «رهایم» is «رها» + «یم» (no ZWNJ after the non-joining «ا»), not «ره» + «ایم»
    lexicon = ZwnjLexicon(Counter({"ره": 5, "رها": 5, "خانه": 5, "خانه" + ZWNJ + "ها": 5}))
    repairer = ZwnjRepairer(lexicon, {"ایم": "هی", "ام": "هی"}, [], 1, 3, 0.5, 1000, 3)
    assert repairer.repair_word("رهایم") == "رهایم"
    assert repairer.repair_word("رهام") == "رهام"
    # «خانها» is only ever «خانه‌ها», not a word of its own: «خانه» + «ام» stays
    assert repairer.repair_word("خانهام") == "خانه" + ZWNJ + "ام"
    without_raha = ZwnjRepairer(ZwnjLexicon(Counter({"ره": 5})), {"ایم": "هی"}, [], 1, 3, 0.5, 1000, 3)
    assert without_raha.repair_word("رهایم") == "ره" + ZWNJ + "ایم"


def test_zwnj_spelling_preferred_when_frequent_enough():
    lexicon = ZwnjLexicon(Counter({"سالها": 10, "سال" + ZWNJ + "ها": 6}))
    prefer = ZwnjRepairer(lexicon, {}, [], 1, 3, 0.5, 1000, 3)
    assert prefer.repair_word("سالها") == "سال" + ZWNJ + "ها"
    strict = ZwnjRepairer(lexicon, {}, [], 1, 3, 0.9, 1000, 3)
    assert strict.repair_word("سالها") == "سالها"


def test_lexicon_save_and_load_are_deterministic(tmp_path):
    lexicon = ZwnjLexicon()
    lexicon.add_text(["می‌کنند و میکنند، می‌کنند"])
    first, second = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    lexicon.save(first)
    ZwnjLexicon.load(first).save(second)
    assert first.read_bytes() == second.read_bytes()
    assert ZwnjLexicon.load(first).variants["میکنند"][0] == ("می" + ZWNJ + "کنند", 2)


def test_lexicon_load_reports_bad_line(tmp_path):
    import gzip
    path = tmp_path / "bad.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("کتاب\t3\nبدون-شمار\n")
    with pytest.raises(ValueError, match=r"bad.tsv.gz:2: expected 'form<TAB>count'"):
        ZwnjLexicon.load(path)
