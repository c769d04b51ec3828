"""CoNLL-U sentences as spaCy Docs, and frame spans in and out of CoNLL-U.

A Doc's words are the syntactic words as the models see them (``Sentence.normalized_words``),
with the sentence's spacing, lemmas, UPOS, features, tree and entities (MISC ``NER``). Frame
evidence is written as ``Frame=<label>:<rule>:<n>[:neg]`` items (comma-separated) in the MISC of
every word of span ``n``, so overlapping spans survive; the sentence's labels go to
``# frames = ...`` in the fixed order of the rule base (``_`` when none).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from gofteman import conllu
from gofteman.constants import COMMENT_FRAME_CONFIDENCE, COMMENT_FRAMES, GOESWITH, MISC_FRAME, MISC_NER, ZWNJ
from gofteman.frames.confidence import CONFIDENCE_DIGITS, label_confidence
from gofteman.frames.rules import FrameSpan
from gofteman.text.zwnj import NON_JOINING


def sentence_doc(vocab: Vocab, sentence: conllu.Sentence) -> Doc:
    rows = sentence.words()
    words = sentence.normalized_words()
    spaces = sentence.word_spaces()
    heads, deps = [], []
    for index, row in enumerate(rows):
        head = int(row[conllu.HEAD]) if row[conllu.HEAD].isdigit() else 0
        heads.append(index if head == 0 else head - 1)
        deps.append("ROOT" if head == 0 else row[conllu.DEPREL])
    doc = Doc(vocab, words=words, spaces=spaces,
              lemmas=[row[conllu.LEMMA] if row[conllu.LEMMA] != "_" else word for row, word in zip(rows, words)],
              pos=[row[conllu.UPOS] if row[conllu.UPOS] != "_" else "X" for row in rows],
              morphs=[row[conllu.FEATS] if row[conllu.FEATS] != "_" else "" for row in rows],
              heads=heads, deps=deps,
              ents=[conllu.misc_get(row[conllu.MISC], MISC_NER) or "O" for row in rows])
    _join_spaced_words(doc)
    return doc


def _join_spaced_words(doc: Doc) -> None:
    """A word written in parts («می یابد», «گروه های»: its later parts ``goeswith`` its first)
    gets the whole word as the NORM of its first part, so that the rules read «می‌یابد» as they
    read it written with a ZWNJ."""
    for token in doc:
        parts = [child for child in token.children if child.dep_ == GOESWITH]
        if parts:
            joined = token.text
            for part in sorted(parts, key=lambda part: part.i):
                joined += ("" if joined[-1] in NON_JOINING else ZWNJ) + part.text
            token.norm_ = joined


#: The span group of a Doc that holds frame evidence (as spaCy users expect in ``doc.spans``).
SPAN_GROUP = "frames"


def add_span_group(doc: Doc, spans: list[FrameSpan]) -> None:
    """Frame evidence as ``doc.spans["frames"]``: label = frame, ``id_`` = rule id (overlaps kept)."""
    doc.spans[SPAN_GROUP] = [Span(doc, span.start, span.end, label=span.label, span_id=span.rule) for span in spans]


def write_frames(sentence: conllu.Sentence, spans: list[FrameSpan], labels: tuple[str, ...],
                 confidence: dict[str, float] | None = None) -> None:
    """``Frame=`` on the words of each span, ``# frames`` and, given the rules' ``confidence``
    (``gofteman.frames.confidence``), ``# frame_confidence`` (``_`` when no label)."""
    rows = sentence.words()
    items: list[list[str]] = [[] for _ in rows]
    for number, span in enumerate(spans, 1):
        item = f"{span.label}:{span.rule}:{number}" + (":neg" if span.negated else "")
        for index in range(span.start, span.end):
            items[index].append(item)
    for row, values in zip(rows, items):
        row[conllu.MISC] = conllu.misc_set(row[conllu.MISC], MISC_FRAME, ",".join(values) if values else None)
    present = [label for label in labels if any(span.label == label for span in spans)]
    sentence.set_comment(COMMENT_FRAMES, ",".join(present) or "_")
    if confidence is not None:
        best = label_confidence(spans, confidence)
        sentence.set_comment(COMMENT_FRAME_CONFIDENCE, format_confidence({label: best[label] for label in present}))


def format_confidence(confidence: dict[str, float]) -> str:
    return ",".join(f"{label}:{value:.{CONFIDENCE_DIGITS}f}" for label, value in confidence.items()) or "_"


def read_frame_confidence(sentence: conllu.Sentence) -> dict[str, float] | None:
    """The labels' confidences of ``# frame_confidence``; None where the comment is absent."""
    comment = sentence.comment(COMMENT_FRAME_CONFIDENCE)
    if comment is None:
        return None
    if comment == "_":
        return {}
    try:
        return {label: float(value) for label, _, value in (item.partition(":") for item in comment.split(","))}
    except ValueError:
        raise conllu.ConlluError(f"sentence {sentence.comment('sent_id')}: # {COMMENT_FRAME_CONFIDENCE} = {comment}: "
                                 "expected label:confidence, comma-separated") from None


def read_frames(sentence: conllu.Sentence) -> tuple[list[str], list[FrameSpan]]:
    """The labels of ``# frames`` and the spans of ``Frame=``, as written by write_frames."""
    comment = sentence.comment(COMMENT_FRAMES)
    labels = [] if comment in (None, "_") else comment.split(",")
    spans: dict[int, list] = {}
    for index, row in enumerate(sentence.words()):
        value = conllu.misc_get(row[conllu.MISC], MISC_FRAME)
        for item in value.split(",") if value else []:
            label, rule, number, *flag = item.split(":")
            entry = spans.setdefault(int(number), [label, index, index + 1, rule, flag == ["neg"]])
            entry[2] = index + 1
    return labels, [FrameSpan(*spans[number]) for number in sorted(spans)]
