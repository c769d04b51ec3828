"""frames: rhetorical frame labels (hope, threat, achievement, enemy) with evidence spans.

Reads tagged CoNLL-U (lemmas, POS, features, tree, entities), builds a spaCy Doc per sentence
(``pipeline.frames.docs``), runs the rule base of ``schemas/frames/rules.yaml`` and writes
``# frames = ...`` and the ``Frame=`` evidence in MISC. Definitions: ../shared/guidelines/frames.md.
"""

from __future__ import annotations

import spacy

from pipeline import conllu
from pipeline.constants import CAP_FEATS, CAP_FRAMES, CAP_LEMMA, CAP_NER, CAP_TREE, CAP_UPOS
from pipeline.frames.docs import sentence_doc, write_frames
from pipeline.frames.rules import RuleBase
from pipeline.stages.base import Stage, StageResult


class Frames(Stage):
    name = "frames"
    requires = frozenset({CAP_LEMMA, CAP_UPOS, CAP_FEATS, CAP_TREE, CAP_NER})
    provides = frozenset({CAP_FRAMES})
    output_suffix = ".conllu"
    config_file = "frames/stage.yaml"
    code_modules = ("pipeline.frames.rules", "pipeline.frames.docs", "pipeline.conllu")
    resources = ("schemas/frames/rules.yaml", "schemas/frames/rules.schema.json")
    libraries = ("spacy",)

    def __init__(self, language: str) -> None:
        self.nlp = spacy.blank(language)
        self.rules = RuleBase(self.nlp.vocab)

    def process(self, doc_id: str, artifact: str) -> StageResult:
        sentences = conllu.parse(artifact, f"{doc_id}.conllu")
        for sentence in sentences:
            spans, _ = self.rules.match(sentence_doc(self.nlp.vocab, sentence))
            write_frames(sentence, spans, self.rules.labels)
        return StageResult(conllu.format_sentences(sentences))
