"""The noun + clitic rule, with hazm's real lexicon and the clitics of schemas/mwt.yaml."""

import pytest
import yaml

from gofteman.stages.mwt.clitics import CliticSplitter, perdt_clitic_spelling
from gofteman.constants import SCHEMAS_DIR


@pytest.fixture(scope="module")
def splitter():
    config = yaml.safe_load((SCHEMAS_DIR / "mwt.yaml").read_text(encoding="utf-8"))
    return CliticSplitter.from_config(**config["clitic_split"])


@pytest.mark.parametrize(("token", "words"), [
    ("کلاهش", ["کلاه", "ش"]),
    ("فرزندتان", ["فرزند", "تان"]),
    ("جایم", ["جا", "یم"]),  # a «ی» after a host ending in ا/و
    ("خودرویش", ["خودرو", "یش"]),
    ("کارهایش", ["کارهای", "ش"]),  # after a plural, the «ی» stays on the host
    ("خانه\u200cاش", ["خانه\u200c", "اش"]),  # across a ZWNJ: «اش», the ZWNJ on the host
    ("خانه\u200cشان", ["خانه\u200c", "شان"]),
    ("اینجاست", ["اینجا", "ست"]),  # the copula after a vowel
    ("توست", ["تو", "ست"]),  # the copula first: not «توس» + «ت»
    ("روزهاست", ["روزها", "ست"]),  # after a plural
    ("معتقدیم", ["معتقد", "یم"]),  # the copula's personal ending after an adjective
    ("گرفتارند", ["گرفتار", "ند"]),
    ("موظفید", ["موظف", "ید"]),
    ("مرا", ["م", "را"]),  # a fixed split of schemas/mwt.yaml
])
def test_noun_and_clitic_are_split_as_ud_perdt_spells_them(splitter, token, words):
    assert splitter.split(token) == words


@pytest.mark.parametrize("token", [
    "گسترش",  # a word hazm's lexicon tags (a noun), not «گستر» + «ش»
    "خوردم",  # a verb form hazm conjugates
    "دریافتم",  # «در» + a verb form: a prefixed verb, though «دریافت» is a noun
    "باایمان",  # «باای» is no noun
    "کتاب",  # no clitic
    "ترا",  # no noun host, and not listed as «مرا» is
    "دوست",  # a word of its own, not «دو» + «ست»
    "نشست",  # a verb, not «نش» + «ست»
    "مهند",  # «مه» is too short an adjective to take «ند»
    "خوردند",  # a verb form, not an adjective + «ند»
])
def test_words_verbs_and_unknown_hosts_stay_whole(splitter, token):
    assert splitter.split(token) is None


@pytest.mark.parametrize(("host", "clitic", "spelled"), [
    ("جای", "ش", ("جا", "یش")),  # iPerUDT's spelling, in PerDT's
    ("خودروی", "شان", ("خودرو", "یشان")),
    ("جا", "یش", ("جا", "یش")),  # already PerDT's
    ("کارهای", "ش", ("کارهای", "ش")),  # a plural keeps its «ی»
    ("ره\u200cای", "شان", ("ره\u200cای", "شان")),  # «ا» after a ZWNJ: no glide
    ("کتاب", "ش", ("کتاب", "ش")),
    ("جای", "را", ("جای", "را")),  # not a pronominal clitic
])
def test_iperudt_clitics_are_respelled_as_perdt_spells_them(splitter, host, clitic, spelled):
    assert perdt_clitic_spelling(host, clitic, splitter.clitics) == spelled


@pytest.mark.parametrize(("words", "spelled"), [
    (["خودروی", "ش"], ["خودرو", "یش"]),
    (["برای", "ش"], ["برای", "ش"]),  # a preposition of schemas/mwt.yaml keeps its «ی»
    (["کتاب", "ش"], ["کتاب", "ش"]),
    (["در", "بیاور", "م"], ["در", "بیاور", "م"]),  # only host + clitic tokens
])
def test_the_mwt_expanders_words_are_spelled_as_perdt_spells_them(splitter, words, spelled):
    assert splitter.perdt_spelling(words) == spelled
