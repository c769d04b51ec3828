from pathlib import Path

import pytest

from gofteman import conllu

SAMPLE = (
    "# newdoc id = d1\n"
    "# sent_id = d1-1\n"
    "# text = سلام، دنیا\n"
    "1\tسلام\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
    "2\t،\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "3\tدنیا\t_\t_\t_\t_\t_\t_\t_\tSpacesAfter=\\n\n"
    "\n"
    "#no space after hash\n"
    "1-2\tکتابش\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tکتاب\tکتاب\tNOUN\t_\t_\t0\troot\t_\t_\n"
    "2\tش\tاو\tPRON\t_\t_\t1\tnmod:poss\t_\t_\n"
    "\n"
)


def test_round_trip_is_byte_identical():
    assert conllu.format_sentences(conllu.parse(SAMPLE)) == SAMPLE


def test_comments_and_tokens():
    first, second = conllu.parse(SAMPLE)
    assert first.comment("newdoc id") == "d1"
    assert first.comment("missing") is None
    assert [row[conllu.FORM] for row in second.tokens()] == ["کتابش"]
    assert [row[conllu.FORM] for row in second.words()] == ["کتاب", "ش"]
    assert first.text == "سلام، دنیا"


@pytest.mark.parametrize("bad, line, reason", [
    ("1\tonly three\tcolumns\n\n", 1, "expected 10 tab-separated columns, found 3"),
    ("# text = x\nX\tx\t_\t_\t_\t_\t_\t_\t_\t_\n\n", 2, "invalid ID 'X'"),
    ("1\tx\t\t_\t_\t_\t_\t_\t_\t_\n\n", 1, "empty column"),
    ("1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, "not followed by a blank line"),
    ("1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n\n\n", 3, "blank line without a sentence"),
    ("1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n# late\n\n", 2, "comment line inside"),
])
def test_errors_name_file_and_line(bad, line, reason):
    with pytest.raises(conllu.ConlluError) as caught:
        conllu.parse(bad, "doc.conllu")
    assert caught.value.line == line
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"doc.conllu:{line}: ")


def test_read_rejects_non_utf8(tmp_path: Path):
    path = tmp_path / "latin.conllu"
    path.write_bytes("# text = café\n".encode("latin-1"))
    with pytest.raises(conllu.ConlluError, match="latin.conllu: not UTF-8"):
        conllu.read(path)


@pytest.mark.parametrize("text", [" ", "  \t\n", "a|b", "\\s", "\x07<b>\u200f", "\u200cمی\u200c", "", "\U0001f600"])
def test_misc_escaping_round_trips(text):
    escaped = conllu.escape_misc_value(text)
    assert not any(char in escaped for char in " \t\n|\x07\u200f")
    assert conllu.unescape_misc_value(escaped) == text


def test_zwnj_stays_readable_in_misc():
    assert conllu.escape_misc_value("می\u200cکنند") == "می\u200cکنند"


def test_bad_escape_is_an_error():
    with pytest.raises(ValueError, match="bad escape"):
        conllu.unescape_misc_value("\\q")


def test_misc_set_and_get():
    misc = conllu.misc_set("_", "Norm", "x")
    misc = conllu.misc_set(misc, "SpaceAfter", "No")
    assert misc == "Norm=x|SpaceAfter=No"
    assert conllu.misc_get(misc, "SpaceAfter") == "No"
    assert conllu.misc_set(misc, "Norm", None) == "SpaceAfter=No"


def test_rebuild_text_uses_spacing_attributes():
    sentences = conllu.parse(
        "# text = a b\n"
        "1\ta\t_\t_\t_\t_\t_\t_\t_\tSpacesBefore=\\n\n"
        "2\tb\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|SpacesAfter=\\u0007\n\n"
        "# text = c\n"
        "1\tc\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\n")
    assert conllu.rebuild_text(sentences) == "\na b\x07c"


def test_original_text_keeps_inner_whitespace_and_drops_the_outer():
    sentence = conllu.parse(
        "# text = a b c\n"
        "1\ta\t_\t_\t_\t_\t_\t_\t_\tSpacesBefore=\\n|SpacesAfter=\\s\\s\n"
        "2\tb\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "3\tc\t_\t_\t_\t_\t_\t_\t_\tSpacesAfter=\\n\n\n")[0]
    assert sentence.text == "a b c"
    assert conllu.original_text(sentence) == "a  b c"


def test_lenient_mode_accepts_a_missing_final_blank_line():
    text = "# text = x\n1\tx\t_\t_\t_\t_\t_\t_\t_\t_"
    with pytest.raises(conllu.ConlluError):
        conllu.parse(text)
    [sentence] = conllu.parse(text, strict=False)
    assert sentence.words()[0][conllu.FORM] == "x"


@pytest.mark.parametrize("feats, expected", [
    ("NumType=Card|Number=Sing", "Number=Sing|NumType=Card"),  # case-insensitive, as UD sorts
    ("Tense=Past|Number=Plur|Person=3", "Number=Plur|Person=3|Tense=Past"), ("_", "_"),
])
def test_features_sort_as_ud_requires(feats, expected):
    assert conllu.sorted_feats(feats) == expected


def test_words_of_multiword_tokens_are_what_models_read():
    [sentence] = conllu.parse("1-2\tكتابش\t_\t_\t_\t_\t_\t_\t_\tNorm=کتابش|SpaceAfter=No\n1\tکتاب\t_\t_\t_\t_\t_\t_\t_\t_\n"
                              "2\tش\t_\t_\t_\t_\t_\t_\t_\t_\n3\t،\t_\t_\t_\t_\t_\t_\t_\t_\n"
                              "4\tيك\t_\t_\t_\t_\t_\t_\t_\tNorm=یک\n\n")
    assert [(token[conllu.ID], [w[conllu.ID] for w in words]) for token, words in sentence.token_words()] == [
        ("1-2", ["1", "2"]), ("3", ["3"]), ("4", ["4"])]
    assert sentence.normalized_forms() == ["کتابش", "،", "یک"]
    assert sentence.normalized_words() == ["کتاب", "ش", "،", "یک"]
    assert sentence.word_spaces() == [False, False, True, True]
