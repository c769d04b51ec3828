"""The speakers stage on documents written for the tests, through the real pipeline."""

import pytest

from gofteman import conllu
from gofteman.in_memory import annotate as annotate_until
from gofteman.stages.ner import Ner
from gofteman.stages.speakers import Speakers


def tagged(text: str, doc_id: str) -> list[conllu.Sentence]:
    """Every stage before speakers, in memory."""
    return annotate_until(text, Ner.name, doc_id)

REPORT = ("رئیس سازمان تأمین اجتماعی: امسال سال امید است\n"
          "به گزارش خبرگزاری فارس، دکتر علی رضایی رئیس سازمان تأمین اجتماعی امروز در همایش گفت: ما پیروز خواهیم شد. "
          "این راه ادامه دارد.\n"
          "وی افزود که مشکلات حل می‌شود.\n"
          "رضایی تأکید کرد: بیمه‌شدگان نگران نباشند.\n"
          "رئیس سازمان تأمین اجتماعی خاطرنشان کرد: حقوق به‌موقع پرداخت می‌شود.\n"
          "این همایش ساعت ۱۰:۳۰ به پایان رسید.")


@pytest.fixture(scope="module")
def attributed():
    stage = Speakers.from_config()
    sentences = tagged(REPORT, "speakers-test")
    return conllu.parse(stage.process("speakers-test", conllu.format_sentences(sentences)).output)


def speakers(sentences):
    return [(s.comment("speaker"), s.comment("speech")) for s in sentences]


def test_every_sentence_gets_its_speaker_or_none(attributed):
    person = "علی رضایی"
    assert speakers(attributed) == [
        (person, "direct"),  # a headline «X: ...», its title resolved to the person named with it
        (person, "direct"),  # the subject of «گفت», honorific dropped, colon: direct
        (person, "direct"),  # the quotation goes on in its paragraph
        (person, "indirect"),  # «وی افزود که ...»
        (person, "direct"),  # a surname alone: the fullest name of the document
        (person, "direct"),  # a title: the person the document names with it
        (None, None),  # narration; «۱۰:۳۰» is no speech colon
    ]


def test_cue_and_mention_are_marked_in_misc(attributed):
    second = attributed[1]
    marked = {row[conllu.FORM]: (conllu.misc_get(row[conllu.MISC], "Speech"), conllu.misc_get(row[conllu.MISC], "Speaker"))
              for row in second.words()}
    assert marked["گفت"] == ("Cue", None)
    assert marked["رضایی"] == (None, "Mention")


def test_the_documents_speakers_are_listed_when_the_input_gives_none(attributed):
    assert attributed[0].comment("meta::speakers") == "علی رضایی"


def test_no_speech_and_an_unresolvable_pronoun_give_no_speaker():
    stage = Speakers.from_config()
    text = "وی افزود که کار ادامه دارد.\nاین پل سال گذشته ساخته شد."
    result = conllu.parse(stage.process("none", conllu.format_sentences(tagged(text, "none"))).output)
    assert speakers(result) == [(None, None), (None, None)]
    assert result[0].comment("meta::speakers") is None


# Written for the tests: a speech verb inside «با بیان اینکه ...», a subject shared by
# coordinated verbs, two people of one family, «این مسئول», a speech verb inside a quotation, a
# sub-title that quotes someone, and a label with a colon that quotes nobody.
FAMILY = ("حسن کریمی از کشاورزان روستا در گفت‌وگو با خبرنگار فارس اظهار کرد: آب روستا کم است.\n"
          "محمود کریمی عضو شورای روستا گفت: جاده روستا خراب است. "
          "مردم می‌گفتند که کسی به فکر ما نیست. "
          "ما باز هم پیگیری می‌کنیم.\n"
          "عضو شورای روستا: جاده باید ساخته شود\n"
          "این مسئول با بیان اینکه مسئولان قول داده‌اند که جاده را بسازند، خاطرنشان کرد: هنوز کاری نشده است.\n"
          "وی به کمبود آب اشاره کرد و گفت: چاه روستا خشک شده است.\n"
          "نکته مهم: جلسه بعدی هفته آینده است.")


def test_cues_subjects_families_and_subtitles():
    stage = Speakers.from_config()
    result = conllu.parse(stage.process("family", conllu.format_sentences(tagged(FAMILY, "family"))).output)
    hassan, mahmoud = "حسن کریمی", "محمود کریمی"
    assert speakers(result) == [
        (hassan, "direct"),
        (mahmoud, "direct"),  # a full name is that person, not the last speaker of the family
        (mahmoud, "direct"),  # «می‌گفتند» inside his quotation: he quotes them
        (mahmoud, "direct"),
        (mahmoud, "direct"),  # a sub-title «X: ...», its title written beside his name
        (mahmoud, "direct"),  # «این مسئول» points back; the cue is the main verb, not «قول داده‌اند»
        (mahmoud, "direct"),  # «وی ... اشاره کرد و گفت»: the subject of the first verb
        (None, None),  # a label with a colon quotes nobody
    ]


# Written for the tests: a news site's name before a colon, an honorific written with a space,
# «این روزنامه», a second story under its own headline, a prayer leader who is not the «امام» of
# «امام خمینی», and a description cut at «درباره».
DATELINE = ("پایگاه خبری نمونه (Nemooneh.ir): معاون وزیر نیرو گفت: آب شرب روستاها تا پایان سال تأمین می‌شود.\n"
            "وی افزود: کار لوله‌کشی آغاز شده است.")
FEED = ("به گزارش ایرنا، حجت الاسلام محمد کاظمی در خطبه‌های نماز جمعه گفت: مردم در برابر گرانی صبور باشند.\n"
        "وی با اشاره به سخنان امام خمینی افزود: وحدت رمز پیروزی است.\n"
        "این روزنامه نوشت: قیمت‌ها در ماه گذشته بالا رفته است.\n"
        "زلزله در استان گلستان\n"
        "مدیرکل مدیریت بحران استان گلستان گفت: خسارتی گزارش نشده است.\n"
        "امام جمعه موقت گرگان درباره این زلزله گفت: مردم نگران نباشند.")


def test_datelines_honorifics_bodies_and_stories_of_a_feed():
    stage = Speakers.from_config()

    def run(text: str, doc_id: str) -> list[tuple]:
        return speakers(conllu.parse(stage.process(doc_id, conllu.format_sentences(tagged(text, doc_id))).output))

    official = "معاون وزیر نیرو"
    assert run(DATELINE, "dateline") == [(official, "direct"), (official, "direct")]  # not the site
    cleric = "محمد کاظمی"
    assert run(FEED, "feed") == [
        (cleric, "direct"),  # «حجت الاسلام» written apart is dropped
        (cleric, "direct"),
        (None, None),  # «این روزنامه»: a newspaper, not the last speaker
        (None, None),  # a headline: a new story
        ("مدیرکل مدیریت بحران استان گلستان", "direct"),  # a title of the new story, not the cleric
        ("امام جمعه موقت گرگان", "direct"),  # not «امام خمینی»; cut at «درباره»
    ]


def test_a_state_speaks_by_its_name_and_vi_stays_the_last_person():
    stage = Speakers.from_config()
    text = ("سرگئی لاوروف وزیر خارجه روسیه گفت: مذاکرات ادامه دارد.\n"
            "روسیه همچنین از اعزام هیئتی به ژنو خبر داد.\n"
            "وی افزود: این هیئت فردا به ژنو می‌رسد.")
    result = conllu.parse(stage.process("state", conllu.format_sentences(tagged(text, "state"))).output)
    assert speakers(result) == [("سرگئی لاوروف", "direct"), ("روسیه", "indirect"), ("سرگئی لاوروف", "direct")]
