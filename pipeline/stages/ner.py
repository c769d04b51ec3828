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
from gofteman.stanza_documents import Words


def bioes_to_iob2(tag: str) -> str:
    """stanza's ``S-PER``/``E-PER`` -> ``B-PER``/``I-PER``; ``O`` stays."""
    prefix, _, label = tag.partition("-")
    if not label:
        return "O"
    return {"S": "B", "E": "I"}.get(prefix, prefix) + "-" + label


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
        tokens = Words([self.stanza_input(sentence) for sentence in sentences])
        self.pipeline.processors["ner"].process(tokens)
        return tokens.get("ner", as_sentences=True)

    def annotate(self, sentences: list[conllu.Sentence], analysed: Iterable) -> None:
        for sentence, tags in zip(sentences, analysed):
            for (_, words), stanza_tag in zip(sentence.token_words(), tags):
                tag = bioes_to_iob2(stanza_tag)
                for index, word in enumerate(words):
                    word_tag = "I" + tag[1:] if index and tag != "O" else tag
                    word[conllu.MISC] = conllu.misc_set(word[conllu.MISC], MISC_NER, None if tag == "O" else word_tag)
