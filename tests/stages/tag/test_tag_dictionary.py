"""The tag dictionary: its table file, and which tagger decisions it corrects."""

from collections import Counter

import pytest
import yaml

from gofteman.constants import SCHEMAS_DIR, TAG_DICTIONARY_PATH
from gofteman.stages.tag.tag_dictionary import (
    TAG_DICTIONARY_HEADER,
    Analysis,
    TagDictionary,
    read_tag_dictionary,
    write_tag_dictionary,
)

NOUN_SING = Analysis("NOUN", "N_SING", "Number=Sing")
NOUN_PL = Analysis("NOUN", "N_PL", "Number=Plur")
ADJ = Analysis("ADJ", "ADJ", "_")


def test_written_table_reads_back_with_its_counts(tmp_path):
    path = write_tag_dictionary([("کار", NOUN_SING), ("کار", NOUN_SING), ("خوب", ADJ)], tmp_path / "t.tsv")
    assert path.read_text(encoding="utf-8").splitlines()[0] == "\t".join(TAG_DICTIONARY_HEADER)
    assert read_tag_dictionary(path) == {"کار": Counter({NOUN_SING: 2}), "خوب": Counter({ADJ: 1})}


def test_a_bad_line_is_reported_with_its_file_and_line(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("\t".join(TAG_DICTIONARY_HEADER) + "\nکار\tNOUN\tN_SING\t_\t2\nخوب\tADJ\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"t.tsv:3: expected 5 tab-separated fields"):
        read_tag_dictionary(path)
    with pytest.raises(FileNotFoundError, match="make models"):
        read_tag_dictionary(tmp_path / "missing.tsv")


@pytest.fixture
def dictionary():
    return TagDictionary({
        "کار": Counter({NOUN_SING: 7, NOUN_PL: 2, ADJ: 1}),  # NOUN 9 of 10
        "مالی": Counter({ADJ: 6, NOUN_SING: 4}),  # ambiguous
        "نادر": Counter({ADJ: 1}),  # seen once
    }, min_count=2, min_share=0.9)


def test_a_tag_the_data_never_gave_the_word_takes_its_most_frequent_analysis(dictionary):
    assert dictionary.correct("کار", "VERB") == NOUN_SING


def test_tags_the_data_gave_the_word_are_kept(dictionary):
    assert dictionary.correct("کار", "NOUN") is None
    assert dictionary.correct("کار", "ADJ") is None  # rare, but seen


def test_ambiguous_rare_and_unknown_words_are_left_to_the_tagger(dictionary):
    assert dictionary.correct("مالی", "VERB") is None
    assert dictionary.correct("نادر", "NOUN") is None
    assert dictionary.correct("ناشناخته", "NOUN") is None


def test_shipped_dictionary_settles_closed_class_words():
    settings = yaml.safe_load((SCHEMAS_DIR / "tag.yaml").read_text(encoding="utf-8"))["tag_dictionary"]
    shipped = TagDictionary.load(TAG_DICTIONARY_PATH, **settings)
    assert shipped.correct("را", "PRON").upos == "ADP"
    assert shipped.correct("را", "ADP") is None
