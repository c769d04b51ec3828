"""Words: what stanza's processors read and write of a Document, as a Document has it."""

import pytest
from stanza.models.common.doc import Document

from gofteman.stanza_documents import Words

SENTENCES = [["علی", "به", "تهران", "رفت", "."], ["_", "آمد"]]


def filled(document):
    """The same values set as stanza's processors set them ("_" and None for no value, heads as text)."""
    document.set(["upos", "xpos", "feats"], [["PROPN", "N_IANM", "_"], ["ADP", "_", None], ["PROPN", "x", "a=b"],
                                             ["VERB", "V", "Tense=Past"], ["PUNCT", "P", "_"],
                                             ["X", "_", "_"], ["VERB", "V", "_"]])
    document.set("lemma", ["علی", "_", None, "رفت#رو", ".", "_", "آمد"])
    document.set(["head", "deprel"], [["4", "nsubj"], [3, "case"], ["4", "obl"], [0, "root"], ["4", "_"],
                                      ["2", "nsubj"], ["0", "root"]])
    document.set(["ner"], ["S-PER", "O", "S-LOC", "O", "O", "O", "O"], to_token=True)
    return document


def test_get_and_set_as_a_document_does():
    document = filled(Document([[{"id": i, "text": text} for i, text in enumerate(words, 1)] for words in SENTENCES]))
    words = filled(Words(SENTENCES))
    fields = ["text", "upos", "xpos", "feats", "lemma", "head", "deprel"]
    assert words.get(fields, as_sentences=True) == document.get(fields, as_sentences=True)
    assert words.get(fields) == document.get(fields)
    assert words.get("lemma") == document.get("lemma")
    assert words.get(["text", "ner"], as_sentences=True, from_token=True) == \
        document.get(["text", "ner"], as_sentences=True, from_token=True)
    assert words.num_words == words.num_tokens == document.num_words == 7
    with pytest.raises(ValueError, match="2 values for 7 words"):
        words.set("upos", ["NOUN", "NOUN"])
