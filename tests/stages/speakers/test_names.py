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
