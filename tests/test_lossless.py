"""The corpus is lossless: the original text comes back from the CoNLL-U, byte for byte."""

import pytest

from gofteman import conllu
from gofteman.validation import validate_file
from tests.conftest import SEED_DOCUMENT

AWKWARD_TEXTS = {
    "crlf": "خط اول.\r\nخط دوم.\r\n",
    "bom": "\ufeffسلام دنیا.",
    "spaces_and_tabs": "  چند   فاصله\tو تب .  \n\n\nپاراگراف بعد",
    "control_characters": "سلام\x07دنیا\x00 و\x1b[0m پایان.",
    "html": "<p class=\"lead\">خبر <b>مهم</b>&nbsp;امروز.</p>\n<br/>",
    "nbsp_and_bidi": "سلام\u00a0دنیا \u200fامید\u202a.",
    "diacritics_tatweel": "سَلامـــ بر شما ...",
    "arabic_letters_latin_digits": "كشور ۱۲ و 34 و ٥٦ درصد.",
    "zwnj_at_edges": "\u200cمی\u200cروم\u200c .",
    "only_punctuation": "!!! ؟؟ ...",
    "pipes_and_backslashes": "a|b \\ c",
}


@pytest.mark.parametrize("name", sorted(AWKWARD_TEXTS))
def test_awkward_text_round_trips_and_validates(annotate, tmp_path, name):
    text = AWKWARD_TEXTS[name]
    sentences = annotate(text, name.replace("_", "-"))
    assert conllu.rebuild_text(sentences) == text
    path = tmp_path / f"{name}.conllu"
    conllu.write(path, sentences)
    passed, report = validate_file(path)
    assert passed, report


def test_seed_document_round_trips_byte_for_byte(annotate, tmp_path):
    original = SEED_DOCUMENT.read_bytes()
    sentences = annotate(original.decode("utf-8"), SEED_DOCUMENT.stem)
    assert conllu.rebuild_text(sentences).encode("utf-8") == original
    path = tmp_path / "seed.conllu"
    conllu.write(path, sentences)
    assert conllu.format_sentences(conllu.read(path)) == path.read_text(encoding="utf-8")
    passed, report = validate_file(path)
    assert passed, report


def test_committed_corpus_rebuilds_the_seed():
    from gofteman.constants import PROJECT_DIR

    corpus_file = PROJECT_DIR / "corpus" / "conllu" / f"{SEED_DOCUMENT.stem}.conllu"
    assert conllu.rebuild_text(conllu.read(corpus_file)).encode("utf-8") == SEED_DOCUMENT.read_bytes()
