from pathlib import Path

import pytest

from gofteman.training.data import fix_bio, map_tag, read_ner, write_charlm_text

LABELS = {"pers": "PER", "PER": "PER", "org": "ORG", "ORG": "ORG", "loc": "LOC", "LOC": "LOC"}


@pytest.mark.parametrize("tag, mapped", [
    ("B-pers", "B-PER"), ("I-org", "I-ORG"), ("B_LOC", "B-LOC"), ("I_PER", "I-PER"),
    ("B-fac", "O"), ("B_DAT", "O"), ("B-NAT", "O"), ("O", "O"), ("", "O"),
])
def test_tags_of_every_corpus_map_to_one_label_set(tag, mapped):
    assert map_tag(tag, LABELS) == mapped


def test_fix_bio_starts_entities_that_an_unmapped_type_cut():
    assert fix_bio(["O", "I-PER", "I-PER", "B-ORG", "I-LOC"]) == ["O", "B-PER", "I-PER", "B-ORG", "B-LOC"]


def test_reads_the_three_corpus_formats(tmp_path: Path):
    arman = tmp_path / "arman.txt"
    arman.write_text("علی B-pers\nرفت O\n\nتهران B-loc\n", encoding="utf-8")
    peyma = tmp_path / "peyma.txt"
    peyma.write_text("سازمان|B_ORG\nمی کند|O\n\n", encoding="utf-8")
    twitter = tmp_path / "twitter.txt"
    twitter.write_text("ایران\tB-LOC\n", encoding="utf-8")
    assert list(read_ner(arman)) == [[("علی", "B-pers"), ("رفت", "O")], [("تهران", "B-loc")]]
    assert list(read_ner(peyma)) == [[("سازمان", "B_ORG"), ("می\u200cکند", "O")]]  # space -> ZWNJ
    assert list(read_ner(twitter)) == [[("ایران", "B-LOC")]]


def test_bad_line_names_file_and_line(tmp_path: Path):
    path = tmp_path / "bad.txt"
    path.write_text("علی B-pers\nتنها\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.txt:2: expected a token and a tag"):
        list(read_ner(path))


def test_charlm_text_joins_tokens_by_spaces_as_the_tagger_reads_words(tmp_path: Path):
    dev = tmp_path / "dev.conllu"
    dev.write_text("1-2\tکتابش\t_\t_\t_\t_\t_\t_\t_\t_\n1\tکتاب\tکتاب\tNOUN\t_\t_\t0\troot\t_\t_\n"
                   "2\tش\tاو\tPRON\t_\t_\t1\tnmod:poss\t_\t_\n3\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n",
                   encoding="utf-8")
    train, tune = tmp_path / "charlm" / "train.txt", tmp_path / "dev.txt"
    write_charlm_text([["ما", "به", "تهران", "رفتیم", "."], [], ["خانه\u200cها"]], dev, train, tune)
    assert train.read_text(encoding="utf-8") == "ما به تهران رفتیم .\nخانه\u200cها\n"  # no empty lines
    assert tune.read_text(encoding="utf-8") == "کتاب ش .\n"  # the syntactic words, as the tagger sees them
