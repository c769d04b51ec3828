"""Words the writer spaced apart («می رود», «گروه های»): tagged whole, written back as goeswith."""

import pytest

from gofteman import conllu
from gofteman.constants import ZWNJ
from gofteman.stages.tag import Tag
from gofteman.stages.tag.spaced_words import GOESWITH, SpacedWords


@pytest.fixture(scope="module")
def stage():
    return Tag.from_config()


def tagged(stage, annotate_words, text):
    conll = conllu.format_sentences(annotate_words(text, "spaced"))
    return conllu.parse(stage.process("spaced", conll).output)


def test_a_spaced_verb_prefix_is_tagged_with_its_verb_and_the_verb_goes_with_it(stage, annotate_words):
    sentence, = tagged(stage, annotate_words, "کارگران فردا به سر کار نمی روند.")
    rows = {row[conllu.FORM]: row for row in sentence.words()}
    prefix, verb = rows["نمی"], rows["روند"]
    assert (prefix[conllu.UPOS], prefix[conllu.LEMMA]) == ("VERB", "رفت")
    assert "Polarity=Neg" in prefix[conllu.FEATS] and "Tense=Pres" in prefix[conllu.FEATS]
    assert prefix[conllu.HEAD] == "0"
    assert (verb[conllu.UPOS], verb[conllu.DEPREL], verb[conllu.HEAD]) == ("X", GOESWITH, prefix[conllu.ID])
    # the verb's dependents attach to the word's first part, and FORMs stay as written
    assert rows["کارگران"][conllu.HEAD] == prefix[conllu.ID]
    assert sentence.text == "کارگران فردا به سر کار نمی روند."


def test_a_spaced_plural_suffix_joins_the_noun_before_it(stage, annotate_words):
    sentence, = tagged(stage, annotate_words, "گروه های زیادی در کشور های منطقه فعال هستند.")
    rows = sentence.words()
    forms = [row[conllu.FORM] for row in rows]
    for host in (forms.index("گروه"), forms.index("کشور")):
        assert (rows[host][conllu.UPOS], rows[host][conllu.FEATS]) == ("NOUN", "Number=Plur")
        assert (rows[host + 1][conllu.FORM], rows[host + 1][conllu.DEPREL]) == ("های", GOESWITH)
        assert rows[host + 1][conllu.HEAD] == rows[host][conllu.ID]


def test_a_perfect_ending_written_apart_is_tagged_with_its_participle(stage, annotate_words):
    sentence, = tagged(stage, annotate_words, "ما در این دولت کاهش تورم را داشته ایم.")
    rows = {row[conllu.FORM]: row for row in sentence.words()}
    participle, ending = rows["داشته"], rows["ایم"]
    assert (participle[conllu.UPOS], participle[conllu.LEMMA]) == ("VERB", "داشت")
    assert "Person=1" in participle[conllu.FEATS] and "Mood=Sub" not in participle[conllu.FEATS]
    assert (ending[conllu.UPOS], ending[conllu.DEPREL]) == ("X", GOESWITH)


def test_every_sentence_stays_one_tree_whose_heads_point_at_words(stage, annotate_words):
    sentences = tagged(stage, annotate_words, "ما می توانیم کتاب های بیشتری بخوانیم. او می رود و آنها نمی آیند.")
    for sentence in sentences:
        ids = {row[conllu.ID] for row in sentence.words()}
        heads = [row[conllu.HEAD] for row in sentence.words()]
        assert heads.count("0") == 1 and set(heads) <= ids | {"0"}


def spaced_words(spellings=(), verbs=()):
    return SpacedWords(frozenset({"می", "نمی"}), frozenset({"ها", "های", "تر"}), frozenset({"ام", "ایم", "اند"}),
                       dict.fromkeys(verbs, ""),
                       dict.fromkeys(spellings, 5), 2)


def sentence_of(words, glued_after=()):
    rows = [[str(i), w, "_", "_", "_", "_", "_", "_", "_", "SpaceAfter=No" if i in glued_after else "_"]
            for i, w in enumerate(words, start=1)]
    return conllu.Sentence(comments=[], rows=rows)


@pytest.mark.parametrize("words, known, expected", [
    # a prefix joins a verb form hazm knows, a suffix a spelling seen in raw text
    (["او", "می", "رود"], {"verbs": ["می" + ZWNJ + "رود"]}, [["او"], ["می", "رود"]]),
    (["گروه", "های", "ما"], {"spellings": ["گروه" + ZWNJ + "های"]}, [["گروه", "های"], ["ما"]]),
    # a host ending in a letter that does not join is glued, as it is spelt (کشورهای)
    (["کشور", "های", "ما"], {"spellings": ["کشورهای"]}, [["کشور", "های"], ["ما"]]),
    # nothing joins into an unknown word: «تر» after «لباس» is wet, not a comparative
    (["لباس", "تر", "شد"], {}, [["لباس"], ["تر"], ["شد"]]),
    (["می", "رود"], {}, [["می"], ["رود"]]),
    # a prefix never joins the word before it, nor two prefixes each other
    (["نمی", "می", "رود"], {"verbs": ["می" + ZWNJ + "رود", "نمی" + ZWNJ + "می"]}, [["نمی"], ["می", "رود"]]),
    # the perfect's ending written apart joins into a verb form, never into a noun and its clitic
    (["داشته", "ایم", "."], {"verbs": ["داشته" + ZWNJ + "ایم"]}, [["داشته", "ایم"], ["."]]),
    (["نامه", "ام", "رسید"], {"spellings": ["نامه" + ZWNJ + "ام"]}, [["نامه"], ["ام"], ["رسید"]]),
])
def test_groups(words, known, expected):
    groups = spaced_words(**known).groups(sentence_of(words))
    assert [[words[i] for i in indices] for indices, _ in groups] == expected


def test_nothing_joins_where_no_space_was_written_or_inside_a_multiword_token():
    known = spaced_words(verbs=["می" + ZWNJ + "رود"])
    assert len(known.groups(sentence_of(["می", "رود"], glued_after={1}))) == 2
    rows = [["1-2", "میرودش", *"_" * 8], ["1", "می", *"_" * 8], ["2", "رودش", *"_" * 8], ["3", "رود", *"_" * 8]]
    assert len(known.groups(conllu.Sentence(comments=[], rows=rows))) == 3
