"""``gofteman export --format spacy``: the corpus as a spaCy DocBin.

One Doc per sentence (words = normalised forms, with lemmas, UPOS, features, tree), entities
in ``doc.ents`` and frame evidence in ``doc.spans["frames"]`` (label = frame, ``id_`` = rule).
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import DocBin

from gofteman import conllu
from gofteman.frames.docs import add_span_group, read_frames, sentence_doc


def export_docbin(conllu_dir: Path, output: Path) -> int:
    nlp = spacy.blank("fa")
    docbin = DocBin(store_user_data=True)
    count = 0
    for path in sorted(conllu_dir.glob("*.conllu")):
        for sentence in conllu.read(path):
            doc = sentence_doc(nlp.vocab, sentence)
            add_span_group(doc, read_frames(sentence)[1])
            doc.user_data["sent_id"] = sentence.comment("sent_id")
            docbin.add(doc)
            count += 1
    output.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(output)
    return count
