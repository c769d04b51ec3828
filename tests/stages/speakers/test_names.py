"""A document's people: names, titles written beside them, surnames and relatives."""

from gofteman import conllu
from gofteman.stages.speakers import Speakers
from gofteman.stages.speakers.names import DocumentNames, title_key

ROW = "{i}\t{form}\t{form}\tPROPN\t_\t_\t0\troot\t_\t{misc}"


def sentence(words: list[tuple[str, str]]) -> conllu.Sentence:
    rows = "\n".join(ROW.format(i=i, form=form, misc=f"NER={tag}" if tag != "O" else "_")
                     for i, (form, tag) in enumerate(words, 1))
    return conllu.parse(f"# text = {' '.join(w for w, _ in words)}\n{rows}\n\n")[0]


def names_of(*sentences: conllu.Sentence) -> DocumentNames:
    stage = Speakers.from_config()
    return DocumentNames(list(sentences), stage.honorifics, stage.is_title)


def test_people_titles_and_fullest_names():
    names = names_of(
        sentence([("دکتر", "B-PER"), ("مجید", "I-PER"), ("محمدی", "I-PER"), ("،", "O"), ("مدیرکل", "O"), ("بهزیستی", "O")]),
        sentence([("قاسم", "B-PER"), ("محمدی", "I-PER"), ("گفت", "O")]))
    assert names.persons == [["مجید", "محمدی"], ["قاسم", "محمدی"]]  # honorifics dropped
    assert names.resolve(["مدیرکل", "بهزیستی"]) == "مجید محمدی"  # a title written beside the name
    assert names.fullest(["قاسم", "محمدی"]) == "قاسم محمدی"  # a full name is that person
    names.last = "قاسم محمدی"
    assert names.fullest(["محمدی"]) == "قاسم محمدی"  # a surname alone: the last speaker of the family
    assert names.resolve(["رئیس", "اداره"]) == "رئیس اداره"  # unknown: as written


def test_titles_compare_without_spaces_and_zwnj():
    assert title_key(["مدیر", "عامل"]) == title_key(["مدیر\u200cعامل"]) == "مدیرعامل"


def test_honorifics_of_several_words_are_dropped_where_they_stand_together():
    honorifics = Speakers.from_config().honorifics
    words = ["حضرت", "آیت", "الله", "حبیب", "الله", "نوری", "گفت"]
    assert honorifics.kept(words, range(len(words))) == ["حبیب", "الله", "نوری", "گفت"]
    # an entity that starts inside the honorific loses its part too
    assert honorifics.kept(words, range(2, 6)) == ["حبیب", "الله", "نوری"]
    words = ["حجت", "الاسلام", "و", "المسلمین", "علی", "رضایی"]
    assert honorifics.kept(words, range(len(words))) == ["علی", "رضایی"]


def test_a_title_of_one_word_resolves_a_longer_one_only_as_an_office():
    names = names_of(
        sentence([("امام", "O"), ("خمینی", "B-PER"), ("فرمود", "O")]),
        sentence([("حسن", "B-PER"), ("کریمی", "I-PER"), ("،", "O"), ("نماینده", "O"), ("مردم", "O")]))
    assert names.resolve(["امام"]) == "خمینی"  # the epithet alone is that person
    assert names.resolve(["امام", "جمعه", "موقت", "گرگان"]) == "امام جمعه موقت گرگان"  # another person
    # an office written after a name: its holder, however the document goes on to describe it
    assert names.resolve(["نماینده", "ولی", "فقیه", "در", "شهر"]) == "حسن کریمی"


def test_a_place_the_ner_calls_a_person_is_no_person_and_a_title_does_not_reach_past_a_colon():
    stage = Speakers.from_config()
    headline = sentence([("شهرستان", "O"), ("نیر", "O"), ("آماده", "O")])
    governor = sentence([("فرماندار", "O"), ("نیر", "B-PER"), ("گفت", "O")])
    quoting = sentence([("فرماندار", "O"), ("گفت", "O"), (":", "O"), ("قیام", "O"), ("امام", "O"), ("حسین", "B-PER")])
    quoting.words()[1][conllu.UPOS] = "VERB"
    names = DocumentNames([headline, governor, quoting], stage.honorifics, stage.is_title, stage.of_a_title)
    assert "نیر" in names.places and ["نیر"] not in names.persons  # «فرماندار نیر»: the governor of Nir
    assert names.resolve(["فرماندار"]) == "فرماندار"  # not «حسین», named in the words he said


def test_a_first_name_glued_or_apart_is_one_person_in_its_fullest_form():
    names = names_of(sentence([("سیدمحمد", "B-PER"), ("موسوی", "I-PER"), ("گفت", "O")]),
                     sentence([("سید", "B-PER"), ("محمد", "I-PER"), ("موسوی", "I-PER"), ("افزود", "O")]))
    assert names.fullest(["محمد", "موسوی"]) == "سیدمحمد موسوی"  # «سید» apart is an honorific
    assert names.fullest(["سیدمحمد", "موسوی"]) == "سیدمحمد موسوی"


def test_a_person_named_as_an_object_lends_no_title():
    rows = [("از", "O", 2, "case"), ("علی", "B-PER", 8, "obj"), ("رضایی", "I-PER", 2, "flat:name"), ("،", "O", 5, "punct"),
            ("مدیرکل", "O", 2, "appos"), ("بهزیستی", "O", 5, "nmod"), ("را", "O", 2, "case"), ("ستودند", "O", 0, "root")]
    lines = "\n".join(f"{i}\t{form}\t{form}\t{'VERB' if rel == 'root' else 'NOUN'}\t_\t_\t{head}\t{rel}\t_\t"
                      + (f"NER={tag}" if tag != "O" else "_") for i, (form, tag, head, rel) in enumerate(rows, 1))
    praised = conllu.parse(f"# text = x\n{lines}\n\n")[0]
    names = names_of(praised)
    assert names.persons == [["علی", "رضایی"]]
    assert names.resolve(["مدیرکل", "بهزیستی"]) == "مدیرکل بهزیستی"  # not the man they praised
