"""Each rule family on sentences written for the tests: positive, negative and near-miss cases
for every point the guidelines call out. The sentences go through the real pipeline (hazm,
the shipped stanza models) before the rules see them."""

import re
import shutil

import pytest
import yaml

from gofteman.frames.docs import sentence_doc
from gofteman.frames.lexicons import expand
from gofteman.explain import annotate_text
from gofteman.frames.rules import RULES_PATH, RuleBase, RuleError
from gofteman.stages.frames import Frames


def analyse(frames: Frames, text: str):
    [sentence] = annotate_text(text)
    return frames.rules.match(sentence_doc(frames.nlp.vocab, sentence))


def labels(frames: Frames, text: str) -> set[str]:
    return {span.label for span in analyse(frames, text)[0]}


@pytest.mark.parametrize("text, expected", [
    # hope: wishes, confidence in the future or in victory, hope built
    ("امیدواریم سال آینده شرایط بهتر شود.", {"hope"}),
    ("آینده این کشور روشن است.", {"hope"}),
    ("ما بر مشکلات پیروز خواهیم شد.", {"hope"}),
    # negated or rejected despair is hope
    ("ما هرگز ناامیدی را در این راه نخواهیم دید.", {"hope"}),
    # «امید به زندگی» is a statistic: an achievement when it rose, never hope
    ("امید به زندگی در کشور به ۷۶ سال رسیده است.", {"achievement"}),
    # the adversary spreading despair is enemy and threat, not hope
    ("دشمن می‌خواهد در جامعه ناامیدی ایجاد کند.", {"enemy", "threat"}),
    # a defeated threat is still a threat (and an achievement; «بیگانگان», the hostile foreigners,
    # is enemy as «دشمنان» is in the guidelines' case)
    ("توطئه‌های بیگانگان خنثی شد.", {"threat", "achievement", "enemy"}),
    ("حمله سایبری به زیرساخت‌های کشورمان دفع شد.", {"threat"}),
    # technical or neutral risks are not threats
    ("او دچار حمله قلبی شد.", set()),
    ("خطر ابتلا به آنفولانزا در زمستان بیشتر است.", set()),
    # figures with a claim of increase are achievements; goals with «باید» are not
    ("تعداد بیمه‌شدگان از ۱۰ میلیون به ۱۲ میلیون نفر افزایش یافت.", {"achievement"}),
    ("دستاوردهای علمی کشور چشمگیر است.", {"achievement"}),
    ("باید به پوشش ۱۰۰ درصدی بیمه برسیم و تعداد بیمه‌شدگان را افزایش دهیم.", set()),
    # what a modal governs, or a condition, is not claimed; «توانستند» (managed to) is a deed
    ("این طرح می‌تواند موفقیت‌های بیشتری برای کشاورزان به همراه بیاورد.", set()),
    ("اگر این طرح پیشرفت چشمگیری داشت، بودجه آن افزایش می‌یافت.", set()),
    ("کشاورزان استان توانستند تولید گندم را دو برابر کنند.", {"achievement"}),
    # a plot in a story, with no in-group and no adversary, is no threat
    ("در این داستان، وزیر علیه پادشاه دسیسه کرد.", set()),
    # a dateline says where the story was filed: Tehran in it is no in-group in the news
    ("تهران - ایرنا - روزنامه جام جم درباره کودتا در ترکیه یادداشتی نوشت.", set()),
    ("تهران - ایرنا - دشمنان با توطئه به دنبال ضربه زدن به کشورمان هستند.", {"threat", "enemy"}),
    # a province or a ministry abroad is a foreign place, and «این کشور» the foreign country the
    # story is about: no in-group for an achievement that only the in-group can claim
    ("استاندار نینوای عراق از افتتاح یک بیمارستان جدید خبر داد.", set()),
    ("استاندار خوزستان از افتتاح یک بیمارستان جدید خبر داد.", {"achievement"}),
    ("صادرات این کشور برای نخستین بار از مرز ۱۰ میلیارد دلار گذشت.", set()),
    # enemies: explicit terms, or named states with adversarial context; never a neutral mention
    ("دشمنان ملت ایران ناکام ماندند.", {"enemy", "achievement"}),
    ("آمریکا و انگلیس محور توطئه علیه ملت ایران شدند.", {"enemy", "threat"}),
    ("در نشست اخیر ایسا در تهران گزارش سالانه ارائه شد.", set()),
])
def test_guideline_cases(frames, text, expected):
    assert labels(frames, text) == expected


def test_negated_despair_is_flagged_and_explained(frames):
    spans, _ = analyse(frames, "ما هرگز ناامیدی را در این راه نخواهیم دید.")
    [span] = spans
    assert (span.label, span.rule, span.negated) == ("hope", "hope-despair-rejected", True)


@pytest.mark.parametrize("text, rule, reason", [
    ("امید به زندگی در کشور به ۷۶ سال رسیده است.", "hope-lexical", "vetoed by hope-not-a-name-or-statistic"),
    ("دشمن می‌خواهد در جامعه ناامیدی ایجاد کند.", "hope-despair-rejected", "its clause is not negated"),
    ("ما دچار حمله قلبی شدیم.", "threat-harm-to-ingroup", "vetoed by threat-not-neutral-harm"),
    ("وزیر خارجه انگلیس در سفر به تهران با همتای خود دیدار کرد.", "enemy-named-adversary", "no context cue"),
    # the clause decides: a forecast or a duty is no achievement, and says which word made it so
    ("این بیمارستان سال آینده افتتاح خواهد شد.", "achievement-opened", "no done claim: the clause of «شد» is in the future («خواهد»)"),
    ("ظرفیت تولید سال آینده ۲۰ درصد افزایش می‌یابد.", "achievement-growth", "no held claim: the clause of «می‌یابد» speaks of the future («آینده»)"),
    ("ظرفیت تولید هر سال ۲۰ درصد افزایش می‌یابد.", "achievement-growth", "no held claim: the clause of «می‌یابد» is not in the past, the perfect or a present of «داشتن»"),
    ("بایرن مونیخ موفق شد اینترمیلان را شکست دهد.", "achievement-succeeded", "foreign news with no in-group"),
])
def test_near_misses_say_why(frames, text, rule, reason):
    _, misses = analyse(frames, text)
    assert any(miss.rule == rule and miss.reason.startswith(reason) for miss in misses)


def test_inflected_forms_match_through_lemma_and_normalisation(frames):
    # glued, unnormalised spellings still match: the rules see the normalised forms
    assert labels(frames, "دستاوردهای ما زیاد است و توطئههای دشمنان شکست خورد.") == {"achievement", "threat", "enemy"}


def write_rules(tmp_path, mutate) -> RuleBase:
    data = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    mutate(data)
    shutil.copytree(RULES_PATH.parent / "lexicons", tmp_path / "lexicons")
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["rules"][0].update(frame="joy"), "rule hope-lexical: frame 'joy' is not one of hope, threat"),
    (lambda d: d["rules"][1].pop("description"), "rule hope-not-a-name-or-statistic: rules/1: 'description' is a required property"),
    (lambda d: d["rules"][0].pop("examples"), "rule hope-lexical: rules/0: 'examples' is a required property"),
    (lambda d: d["rules"][0].update(patterns=[[{"NORM": {"IN": "@hopes"}}]]), "unknown lexicon '@hopes'; the lexicons are:"),
    (lambda d: d["rules"][0].update(dependency=[[{"RIGHT_ID": "a"}]]), "rule hope-lexical: invalid spaCy dependency pattern"),
    (lambda d: d["rules"][0].update(patterns=[[{"NORM": {"REGEXX": "x"}}]]), "rule hope-lexical: invalid spaCy pattern"),
    (lambda d: d["rules"].append(dict(d["rules"][0])), "rule hope-lexical: the id is used twice"),
    (lambda d: d["rules"][0].update(kind="maybe"), "rule hope-lexical: rules/0/kind: 'maybe' is not one of"),
    (lambda d: d["rules"][1].update(vetoes=["threat-plot"]), "rule hope-not-a-name-or-statistic: vetoes threat-plot"),
])
def test_bad_rules_fail_with_file_and_rule(frames, tmp_path, mutate, message):
    path = write_rules(tmp_path, mutate)
    with pytest.raises(RuleError) as caught:
        RuleBase(frames.nlp.vocab, path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


@pytest.mark.parametrize("content, message", [
    ("entry\tsense\nامید\thope\nامید\thope again\n", "hope.tsv:3: 'امید' is already listed on line 2"),
    ("entry\tsense\nامید\n", "hope.tsv:2: expected an entry and its sense note"),
    ("word\tnote\nامید\thope\n", "hope.tsv:1: expected the header"),
    ("entry\tsense\n# nothing yet\n", "hope.tsv: the lexicon has no entries"),
])
def test_a_broken_lexicon_fails_with_its_file_and_line(frames, tmp_path, content, message):
    path = write_rules(tmp_path, lambda d: None)
    (tmp_path / "lexicons" / "hope.tsv").write_text(content, encoding="utf-8")
    with pytest.raises(RuleError, match=message):
        RuleBase(frames.nlp.vocab, path)


def test_a_whole_word_entry_does_not_match_longer_words():
    lexicons = {"change": ["حل$", "رونق"]}
    pattern = expand({"NORM": {"REGEX": "@change"}}, lexicons, "test")["NORM"]["REGEX"]
    assert re.search(pattern, "حل") and re.search(pattern, "رونق‌های")
    assert not re.search(pattern, "حلقوم")
    assert expand({"NORM": {"IN": "@change"}}, lexicons, "test") == {"NORM": {"IN": ["حل", "رونق"]}}


def test_a_lexicon_regex_matches_spellings_with_and_without_the_zwnj():
    lexicons = {"enemies": ["ضدانقلاب", "بهره‌برداری$"]}
    pattern = expand({"NORM": {"REGEX": "@enemies"}}, lexicons, "test")["NORM"]["REGEX"]
    assert re.search(pattern, "ضد\u200cانقلاب") and re.search(pattern, "ضدانقلابی")
    assert re.search(pattern, "بهرهبرداری") and re.search(pattern, "بهره\u200cبرداری")
    assert not re.search(pattern, "بهره\u200cبرداری‌ها") and not re.search(pattern, "ضد")


def test_a_lexicon_of_several_files_joins_them_and_rejects_an_entry_listed_twice(frames, tmp_path):
    path = write_rules(tmp_path, lambda d: d["lexicons"].update(ingroup=["lexicons/ingroup.tsv", "lexicons/towns.tsv"]))
    towns = tmp_path / "lexicons" / "towns.tsv"
    towns.write_text("entry\tsense\nبروجرد\ta county of Lorestan\n", encoding="utf-8")
    rules = RuleBase(frames.nlp.vocab, path)
    assert "بروجرد" in rules.lexicons["ingroup"] and "ایران" in rules.lexicons["ingroup"]
    towns.write_text("entry\tsense\nایران\tIran again\n", encoding="utf-8")
    with pytest.raises(RuleError, match="towns.tsv: 'ایران' is already listed in .*ingroup.tsv"):
        RuleBase(frames.nlp.vocab, path)
