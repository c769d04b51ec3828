"""ner: named entities (PER, ORG, LOC) from a stanza Pipeline, as ``NER=`` IOB2 tags in MISC.

Reads CoNLL-U and writes it back with ``NER=B-PER``/``NER=I-PER``... on the words inside an
entity (no attribute means outside, ``O``). The model tags surface tokens, as its training data
are written; the words of a multiword token take its tag (``I-`` after the first). stanza's
BIOES tags are converted to IOB2 here, at the edge. Labels: ``schemas/ner_labels.md``. Models as for tag (schemas/ner.yaml).
"""

from __future__ import annotations

from collections.abc import Iterable

from gofteman import conllu
from gofteman.constants import CAP_NER, CAP_NORM, CAP_SENTENCES, CAP_TOKENS, MISC_NER, SHIPPED_MODELS_DIR
from gofteman.stages.stanza_stage import StanzaStage

NER = "ner"  # stanza's name of the field (stanza.models.common.doc.NER)


def bioes_to_iob2(tag: str) -> str:
    """stanza's ``S-PER``/``E-PER`` -> ``B-PER``/``I-PER``; ``O`` stays."""
    prefix, _, label = tag.partition("-")
    if not label:
        return "O"
    return {"S": "B", "E": "I"}.get(prefix, prefix) + "-" + label


class TokenLists:
    """The part of a stanza Document that its NER processor reads and writes: each sentence's
    tokens (what its DataLoader asks for: text, NER, MULTI_NER), and the tag of each token. The
    processor runs on it as on a Document, without the Document's objects for every word."""

    def __init__(self, sentences: list[list[str]]) -> None:
        self.token_lists = sentences
        self.tags: list[str] = []

    def get(self, fields: list[str], as_sentences: bool = False, from_token: bool = False) -> list:
        if not (as_sentences and from_token):
            raise NotImplementedError(f"stanza asked for {fields} of the words, not of the tokens by sentence")
        return [[[token, *([None] * (len(fields) - 1))] for token in tokens] for tokens in self.token_lists]

    def set(self, fields: list[str], contents: list, to_token: bool = False) -> None:
        if fields == [NER]:
            self.tags = list(contents)

    def build_ents(self) -> list:
        return []

    def sentence_tags(self) -> list[list[str]]:
        tags, start = [], 0
        for tokens in self.token_lists:
            tags.append(self.tags[start:start + len(tokens)])
            start += len(tokens)
        return tags


class Ner(StanzaStage):
    name = "ner"
    requires = frozenset({CAP_SENTENCES, CAP_TOKENS, CAP_NORM})
    provides = frozenset({CAP_NER})
    config_file = "ner.yaml"
    processors = ["ner"]
    lower_precision = ("ner",)
    resources = tuple(f"models/{SHIPPED_MODELS_DIR.name}/{name}" for name in ("ner.pt", "pretrain.pt"))

    def analyse(self, sentences: list[conllu.Sentence]) -> list[list[str]]:
        """stanza's BIOES tag of each surface token, sentence by sentence."""
        tagged = TokenLists([self.stanza_input(sentence) for sentence in sentences])
        self.pipeline.processors["ner"].process(tagged)
        return tagged.sentence_tags()

    def annotate(self, sentences: list[conllu.Sentence], analysed: Iterable) -> None:
        for sentence, tags in zip(sentences, analysed):
            for (_, words), stanza_tag in zip(sentence.token_words(), tags):
                tag = bioes_to_iob2(stanza_tag)
                for index, word in enumerate(words):
                    word_tag = "I" + tag[1:] if index and tag != "O" else tag
                    word[conllu.MISC] = conllu.misc_set(word[conllu.MISC], MISC_NER, None if tag == "O" else word_tag)
