"""frames: rhetorical frame labels (hope, threat, achievement, enemy) with evidence spans.

Reads tagged CoNLL-U (lemmas, POS, features, tree, entities), builds a spaCy Doc per sentence
(``gofteman.frames.docs``), runs the rule base of ``schemas/frames/rules.yaml``, keeps every
match in the span group ``doc.spans["frames"]`` (overlaps allowed, rule id as ``span.id_``) and
writes ``# frames = ...``, each label's confidence (``# frame_confidence``: the train precision of
its best rule, ``schemas/frames/confidence.tsv``) and the ``Frame=`` evidence in MISC from it. Definitions: ../shared/guidelines/frames.md.
"""

from __future__ import annotations

from gofteman import conllu
from gofteman.constants import CAP_FEATS, CAP_FRAMES, CAP_LEMMA, CAP_NER, CAP_TREE, CAP_UPOS, PROJECT_DIR, SCHEMAS_DIR
from gofteman.stages.base import Stage, StageResult


class Frames(Stage):
    name = "frames"
    requires = frozenset({CAP_LEMMA, CAP_UPOS, CAP_FEATS, CAP_TREE, CAP_NER})
    provides = frozenset({CAP_FRAMES})
    output_suffix = ".conllu"
    config_file = "frames/stage.yaml"
    code_modules = ("gofteman.frames.rules", "gofteman.frames.confidence", "gofteman.frames.anchored", "gofteman.frames.docs", "gofteman.frames.clauses",
                    "gofteman.frames.lexicons", "gofteman.conllu")
    resources = ("schemas/frames/rules.yaml", "schemas/frames/rules.schema.json", "schemas/frames/confidence.tsv",
                 *sorted(str(path.relative_to(PROJECT_DIR)) for path in (SCHEMAS_DIR / "frames" / "lexicons").glob("*.tsv")))
    libraries = ("spacy",)

    def __init__(self, language: str) -> None:
        # spaCy is imported where the stage is built: a run whose frames are all cached, and the
        # main process of a run on worker processes, never load it
        import spacy

        from gofteman.frames.rules import RuleBase

        self.nlp = spacy.blank(language)
        self.rules = RuleBase(self.nlp.vocab)
        self._confidence: dict[str, float] | None = None

    @property
    def confidence(self) -> dict[str, float]:
        """The rules' confidences, read when a document is first labelled: the evaluation that
        writes them matches the rules without them."""
        if self._confidence is None:
            from gofteman.frames.confidence import read_confidence

            self._confidence = read_confidence()
        return self._confidence

    def process(self, doc_id: str, artifact: str) -> StageResult:
        from gofteman.frames.docs import SPAN_GROUP, add_span_group, sentence_doc, write_frames
        from gofteman.frames.rules import FrameSpan

        sentences = conllu.parse(artifact, f"{doc_id}.conllu")
        for sentence in sentences:
            doc = sentence_doc(self.nlp.vocab, sentence)
            spans, _ = self.rules.match(doc)
            add_span_group(doc, spans)
            write_frames(sentence, [FrameSpan(s.label_, s.start, s.end, s.id_, spans[i].negated)
                                    for i, s in enumerate(doc.spans[SPAN_GROUP])], self.rules.labels, self.confidence)
        return StageResult(conllu.format_sentences(sentences))
