"""The tag stage with the shipped models, on sentences written for the tests."""

from collections import Counter

import pytest

from gofteman import conllu
from gofteman.stages.tag import Tag, lemma, ud_deprel
from gofteman.stages.tag.tag_dictionary import Analysis, TagDictionary

TEXT = ("علی به تهران رفت.\nدانشجویان کتابها را خواندند.\nحسن روحانی در مشهد سخنرانی میکند.\n"
        "او کتابش را در سال 1401 به من داد.")


@pytest.fixture(scope="module")
def tagged(annotate_words):
    stage = Tag.from_config()
    text = TEXT
    conll = conllu.format_sentences(annotate_words(text, "tag-test"))
    return conllu.parse(stage.process("tag-test", conll).output)


def column(sentence, index):
    return [row[index] for row in sentence.words()]


def test_fills_every_annotation_column(tagged):
    for sentence in tagged:
        for row in sentence.words():
            assert row[conllu.UPOS] != "_" and row[conllu.LEMMA] != "_" and row[conllu.DEPREL] != "_"


def test_tag_dictionary_corrects_the_tagger_before_the_lemmatizer_and_parser_read_it(annotate_words):
    stage = Tag.from_config()
    assert stage.tag_dictionary is not None  # the shipped models' dictionary
    # a table in which «کتاب‌ها» (as stanza reads «کتابها») was only ever an adjective: the
    # tagger's NOUN gives way
    stage.tag_dictionary = TagDictionary({"کتاب\u200cها": Counter({Analysis("ADJ", "ADJ", "Degree=Pos"): 3})}, 2, 0.9)
    conll = conllu.format_sentences(annotate_words("دانشجویان کتابها را خواندند.", "tag-dictionary"))
    sentence, = conllu.parse(stage.process("tag-dictionary", conll).output)
    word = next(row for row in sentence.words() if row[conllu.FORM] == "کتابها")
    assert (word[conllu.UPOS], word[conllu.XPOS], word[conllu.FEATS]) == ("ADJ", "ADJ", "Degree=Pos")
    assert word[conllu.LEMMA] != "_" and word[conllu.DEPREL] != "_"


def test_known_proper_noun_and_verb(tagged):
    first = tagged[0]
    assert column(first, conllu.UPOS) == ["PROPN", "ADP", "PROPN", "VERB", "PUNCT"]
    # UD Persian's verb lemma: the past stem in LEMMA, both stems in MISC
    assert column(first, conllu.LEMMA)[3] == "رفت"
    assert conllu.misc_get(first.words()[3][conllu.MISC], "OrigLemma") == "رفت#رو"


def test_lemma_of_a_repaired_glued_verb(tagged):
    # «میکند» (glued) reaches stanza as «می‌کند» through MISC Norm
    verb = next(row for row in tagged[2].words() if row[conllu.FORM] == "میکند")
    assert verb[conllu.LEMMA] == "کرد"
    assert conllu.misc_get(verb[conllu.MISC], "OrigLemma") == "کرد#کن"
    assert verb[conllu.UPOS] in ("VERB", "AUX")


def test_plural_noun_lemma(tagged):
    noun = next(row for row in tagged[1].words() if row[conllu.FORM] == "کتابها")
    assert noun[conllu.LEMMA] == "کتاب"


def test_each_sentence_is_one_tree(tagged):
    for sentence in tagged:
        heads = [int(h) for h in column(sentence, conllu.HEAD)]
        assert heads.count(0) == 1
        assert all(0 <= head <= len(heads) for head in heads)


def test_forms_and_spacing_are_untouched(tagged):
    assert conllu.rebuild_text(tagged) == TEXT


def test_words_of_a_multiword_token_are_tagged_and_attached(tagged):
    rows = {row[conllu.FORM]: row for row in tagged[3].words()}
    assert (rows["کتاب"][conllu.UPOS], rows["ش"][conllu.UPOS], rows["ش"][conllu.LEMMA]) == ("NOUN", "PRON", "او")
    assert rows["ش"][conllu.HEAD] == rows["کتاب"][conllu.ID]


def test_a_number_is_its_own_lemma_as_written(tagged):
    number = next(row for row in tagged[3].words() if row[conllu.FORM] == "1401")
    assert number[conllu.LEMMA] == "1401"  # the model sees «۱۴۰۱», normalised


def test_a_hash_sign_is_a_symbol_with_itself_as_lemma_not_a_pair_of_stems(annotate_words):
    # «#» is also the separator of a verb's past#present stems: it must not be read as one
    conll = conllu.format_sentences(annotate_words("او با برچسب # ایران در شبکه نوشت.", "hash"))
    sentence, = conllu.parse(Tag.from_config().process("hash", conll).output)
    row = next(row for row in sentence.words() if row[conllu.FORM] == "#")
    assert (row[conllu.LEMMA], row[conllu.UPOS], row[conllu.MISC]) == ("#", "SYM", "_")


@pytest.mark.parametrize("form, predicted, expected", [
    ("35", "555", "35"), ("«", "«", "«"), ("۱۴۰۱", "۱۴۰", "۱۴۰۱"),
    ("گونه\u200cای", "\u200cگونه", "گونه"), ("حکومت\u200cها", "حکومت\u200c", "حکومت"), ("رفت", None, "_"),
])
def test_lemma_cleanup(form, predicted, expected):
    assert lemma(form, predicted) == expected


def test_features_are_sorted_as_ud_requires(tagged):
    for sentence in tagged:
        for row in sentence.words():
            assert row[conllu.FEATS] == conllu.sorted_feats(row[conllu.FEATS])


@pytest.mark.parametrize("deprel, expected", [("nsubj", "nsubj"), ("flat:name", "flat:name"),
                                              ("discourse:top/foc", "discourse")])
def test_relations_are_written_as_ud_allows(deprel, expected):
    assert ud_deprel(deprel) == expected


def test_marks_symbols_and_foreign_words_get_their_classes_before_the_parser_reads_them(annotate_words):
    # the shipped tagger, left alone, called «–» PROPN, «?» NOUN, the emoji NOUN and «all» VERB
    text = "سلام 😀 دوستان – خوبید? This is only English text, no Persian at all."
    conll = conllu.format_sentences(annotate_words(text, "marks"))
    words = [row for sentence in conllu.parse(Tag.from_config().process("marks", conll).output)
             for row in sentence.words()]
    tags = {row[conllu.FORM]: (row[conllu.UPOS], row[conllu.XPOS], row[conllu.FEATS], row[conllu.LEMMA])
            for row in words}
    assert tags["😀"] == ("SYM", "_", "_", "😀")
    assert tags["–"] == tags["?"][:3] + ("–",) == ("PUNCT", "PUNC", "_", "–")
    assert all(row[conllu.DEPREL] == "punct" for row in words if row[conllu.FORM] in "–?")
    assert tags["all"] == ("PROPN", "N_IANM", "Number=Sing", "all")


def test_a_number_naming_an_hour_or_a_day_is_a_noun_before_the_parser_reads_it(annotate_words):
    # the shipped tagger, left alone, called both numbers NUM (nummod), as Seraji and iPerUDT tag them
    text = "او ساعت 6 از خواب بیدار شد.\nجلسه در روز 22 بهمن برگزار شد."
    conll = conllu.format_sentences(annotate_words(text, "number-names"))
    for sentence in conllu.parse(Tag.from_config().process("number-names", conll).output):
        words = sentence.words()
        number = next(row for row in words if row[conllu.FORM].isdigit())
        assert (number[conllu.UPOS], number[conllu.XPOS], number[conllu.FEATS]) == ("NOUN", "N_IANM", "Number=Sing")
        assert number[conllu.DEPREL] == "nmod" and words[int(number[conllu.HEAD]) - 1][conllu.FORM] in ("ساعت", "روز")


def test_dashtan_before_a_verb_in_mi_is_the_progressive_auxiliary_before_the_parser_reads_it(annotate_words):
    # the shipped tagger, left alone, called «دارد» VERB
    conll = conllu.format_sentences(annotate_words("گل دارد پژمرده می‌شود.", "progressive"))
    sentence, = conllu.parse(Tag.from_config().process("progressive", conll).output)
    words = sentence.words()
    auxiliary = next(row for row in words if row[conllu.FORM] == "دارد")
    assert (auxiliary[conllu.UPOS], auxiliary[conllu.XPOS]) == ("AUX", "V_ACT")
    assert "Tense" not in auxiliary[conllu.FEATS] and "Person=3" in auxiliary[conllu.FEATS]
    assert auxiliary[conllu.LEMMA] == "داشت"
    assert conllu.misc_get(auxiliary[conllu.MISC], "OrigLemma") == "داشت#دار"
    assert auxiliary[conllu.DEPREL] == "aux" and words[int(auxiliary[conllu.HEAD]) - 1][conllu.FORM] == "می‌شود"
