"""write: the finished CoNLL-U of each document, into ``OUT/conllu/<doc_id>.conllu``.

Reads the CoNLL-U of the last annotation stage, checks it strictly (it must parse, belong to the
document and survive a read/write round trip unchanged) and writes it to the corpus folder.
"""

from __future__ import annotations

from gofteman import conllu
from gofteman.constants import CAP_CORPUS_FILE, CAP_SENTENCES, CAP_SPACING, CAP_TOKENS
from gofteman.stages.base import Stage, StageResult


class Write(Stage):
    name = "write"
    requires = frozenset({CAP_SENTENCES, CAP_TOKENS, CAP_SPACING})
    provides = frozenset({CAP_CORPUS_FILE})
    output_suffix = ".conllu"
    code_modules = ("gofteman.conllu",)
    #: The runner writes this stage's artifacts into the output folder, not the work folder.
    writes_corpus = True

    def process(self, doc_id: str, artifact: str) -> StageResult:
        sentences = conllu.parse(artifact, f"{doc_id}.conllu")
        found = conllu.document_id(sentences)
        if found != doc_id:
            raise ValueError(f"{doc_id}.conllu: '# newdoc id' is {found!r}, expected {doc_id!r}")
        output = conllu.format_sentences(sentences)
        if output != artifact:
            raise ValueError(f"{doc_id}.conllu: does not survive a CoNLL-U read/write round trip")
        return StageResult(output)
