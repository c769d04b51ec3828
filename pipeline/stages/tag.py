"""tag: UPOS, XPOS, FEATS, LEMMA, HEAD and DEPREL from a stanza Pipeline.

Reads the tokenised CoNLL-U and fills those columns for every word, giving stanza the
normalised forms (``MISC Norm``, else FORM) as pretokenised sentences; FORM and MISC stay as
they are. Sentences of many documents go through stanza together. Models: the shipped ones in
``models/fa-small`` or, with ``--models official``, stanza's published ones (schemas/tag.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline import conllu
from pipeline.constants import (
    CAP_FEATS,
    CAP_LEMMA,
    CAP_NORM,
    CAP_SENTENCES,
    CAP_TOKENS,
    CAP_TREE,
    CAP_UPOS,
    CAP_XPOS,
    SHIPPED_MODELS_DIR,
)
from pipeline.stages.stanza_stage import StanzaStage

UD_DEPREL = re.compile(r"[a-z]+(:[a-z]+)?")


def _value(value: object) -> str:
    return "_" if value in (None, "") else str(value)


def ud_deprel(deprel: str) -> str:
    """A relation as UD writes it; iPerUDT's ``discourse:top/foc`` (not valid UD, and learnt
    by the shipped parser) becomes its universal part."""
    return deprel if UD_DEPREL.fullmatch(deprel) else deprel.split(":")[0]


class Tag(StanzaStage):
    name = "tag"
    requires = frozenset({CAP_SENTENCES, CAP_TOKENS, CAP_NORM})
    provides = frozenset({CAP_LEMMA, CAP_UPOS, CAP_XPOS, CAP_FEATS, CAP_TREE})
    config_file = "tag.yaml"
    processors = ["pos", "lemma", "depparse"]
    resources = tuple(f"models/{SHIPPED_MODELS_DIR.name}/{name}" for name in
                      ("tagger.pt", "lemmatizer.pt", "parser.pt", "pretrain.pt"))

    def annotate(self, sentences: list[conllu.Sentence], analysed: Iterable) -> None:
        for sentence, result in zip(sentences, analysed):
            for row, word in zip(sentence.words(), result.words):
                row[conllu.LEMMA] = _value(word.lemma)
                row[conllu.UPOS] = _value(word.upos)
                row[conllu.XPOS] = _value(word.xpos)
                row[conllu.FEATS] = _value(word.feats)
                row[conllu.HEAD] = str(word.head)
                row[conllu.DEPREL] = ud_deprel(_value(word.deprel))
