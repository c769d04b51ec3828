"""``gofteman export --format spacy``: the corpus as a spaCy DocBin.

One Doc per sentence (words = normalised forms, with lemmas, UPOS, features, tree), entities
in ``doc.ents``, frame evidence in ``doc.spans["frames"]`` (label = frame, ``id_`` = rule), the
sentence id, speaker and speech mode in ``doc.user_data`` and the speaker's mention in
``doc.spans["speaker"]``.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import DocBin, Span

from gofteman import conllu
from gofteman.constants import COMMENT_SENT_ID, COMMENT_SPEAKER, COMMENT_SPEECH, MISC_SPEAKER
from gofteman.frames.docs import add_span_group, read_frames, sentence_doc


SPEAKER_SPAN_GROUP = "speaker"


def export_docbin(conllu_dir: Path, output: Path) -> int:
    nlp = spacy.blank("fa")
    docbin = DocBin(store_user_data=True)
    count = 0
    for path in sorted(conllu_dir.glob("*.conllu")):
        for sentence in conllu.read(path):
            doc = sentence_doc(nlp.vocab, sentence)
            add_span_group(doc, read_frames(sentence)[1])
            doc.user_data["sent_id"] = sentence.comment(COMMENT_SENT_ID)
            doc.user_data["speaker"] = sentence.comment(COMMENT_SPEAKER)
            doc.user_data["speech"] = sentence.comment(COMMENT_SPEECH)
            mention = [i for i, row in enumerate(sentence.words()) if conllu.misc_get(row[conllu.MISC], MISC_SPEAKER)]
            doc.spans[SPEAKER_SPAN_GROUP] = [Span(doc, mention[0], mention[-1] + 1, label="speaker")] if mention else []
            docbin.add(doc)
            count += 1
    output.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(output)
    return count
