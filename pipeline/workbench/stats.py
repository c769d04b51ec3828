"""Corpus statistics a discourse analyst asks for: frames per speaker, document, source or
date (counts and per 1,000 words), the cue words of each frame, collocates of a lemma
(log-likelihood and mutual information within a window) and keywords of one subcorpus against
another (log-likelihood and log ratio).

The measures are the standard ones of corpus linguistics (Dunning 1993; Church and Hanks 1990;
Rayson and Garside 2000; Hardie's log ratio), computed over lemmas, punctuation left out.
"""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd

from gofteman.labels import frame_labels
from gofteman.workbench.corpus import Corpus, CorpusError, has_frame

GROUPS = {"speaker": "speaker", "document": "doc_id", "source": "meta_source", "date": "meta_date"}
NARRATION = "(narration)"
PER_WORDS = 1000


def frames_by(corpus: Corpus, by: str) -> pd.DataFrame:
    """Sentences and words per group, and per frame the sentences that carry it: counts and per
    1,000 words of the group."""
    if by not in GROUPS:
        raise CorpusError(f"--by {by}: choose one of {', '.join(GROUPS)}")
    column, sentences = GROUPS[by], corpus.sentences.copy()
    if column not in sentences:
        raise CorpusError(f"--by {by}: the corpus has no {column[5:] if column.startswith('meta_') else column} metadata")
    sentences[column] = sentences[column].fillna(NARRATION if by == "speaker" else "(none)")
    labels = frame_labels()
    for label in labels:
        sentences[label] = has_frame(sentences, label)
    table = sentences.groupby(column, sort=True).agg(
        sentences=("sent_id", "size"), words=("words", "sum"), **{label: (label, "sum") for label in labels})
    for label in labels:
        table[f"{label}_per_1000"] = (table[label] * PER_WORDS / table["words"]).round(2)
    return table.reset_index().rename(columns={column: by}).sort_values(["sentences", by], ascending=[False, True],
                                                                           ignore_index=True)


def top_cues(corpus: Corpus, n: int = 10) -> pd.DataFrame:
    """The evidence of each frame by its lemmas: the ``n`` most frequent cues and the rules."""
    rows = []
    for label in frame_labels():
        spans = corpus.frames[corpus.frames["label"] == label]
        counts = Counter(spans["lemmas"])
        for cue, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]:
            rules = sorted(set(spans.loc[spans["lemmas"] == cue, "rule"]))
            rows.append({"frame": label, "cue": cue, "count": count, "rules": ",".join(rules)})
    return pd.DataFrame(rows, columns=["frame", "cue", "count", "rules"])


def _words(corpus: Corpus, tokens: pd.DataFrame | None = None) -> pd.DataFrame:
    tokens = corpus.tokens if tokens is None else tokens
    return tokens[tokens["upos"] != "PUNCT"]


def log_likelihood(o11: float, o12: float, o21: float, o22: float) -> float:
    """Dunning's G² of a 2x2 contingency table of observed counts."""
    total = o11 + o12 + o21 + o22
    observed = (o11, o12, o21, o22)
    rows, columns = (o11 + o12, o21 + o22), (o11 + o21, o12 + o22)
    expected = (rows[0] * columns[0] / total, rows[0] * columns[1] / total,
                rows[1] * columns[0] / total, rows[1] * columns[1] / total)
    return 2 * sum(o * math.log(o / e) for o, e in zip(observed, expected) if o > 0)


def collocates(corpus: Corpus, lemma: str, window: int = 5, min_count: int = 2) -> pd.DataFrame:
    """Lemmas within ``window`` words of ``lemma`` in the same sentence: co-occurrences,
    frequency, log-likelihood and MI (log2 of observed over expected in the window)."""
    words = _words(corpus)
    frequency = Counter(words["lemma"])
    if frequency[lemma] == 0:
        raise CorpusError(f"--collocates {lemma}: the lemma does not occur in the corpus")
    total = len(words)
    together: Counter = Counter()
    span_words = 0
    for _, sentence in words.groupby("sent_id", sort=False):
        lemmas = list(sentence["lemma"])
        for position, value in enumerate(lemmas):
            if value != lemma:
                continue
            around = lemmas[max(0, position - window):position] + lemmas[position + 1:position + 1 + window]
            span_words += len(around)
            together.update(around)
    rows = []
    for other, o11 in together.items():
        if o11 < min_count or other == lemma:
            continue
        o12, o21 = span_words - o11, frequency[other] - o11
        o22 = max(total - span_words - o21, 0)
        expected = span_words * frequency[other] / total
        rows.append({"collocate": other, "together": o11, "frequency": frequency[other],
                     "log_likelihood": round(log_likelihood(o11, o12, o21, o22), 2),
                     "mi": round(math.log2(o11 / expected), 2)})
    table = pd.DataFrame(rows, columns=["collocate", "together", "frequency", "log_likelihood", "mi"])
    return table.sort_values(["log_likelihood", "collocate"], ascending=[False, True], ignore_index=True)


def subcorpus(corpus: Corpus, definition: str) -> pd.DataFrame:
    """The words of the sentences a ``key=value`` definition selects: ``speaker=...``,
    ``speech=...``, ``frame=...``, ``doc_id=...`` or any metadata key (``source=...``)."""
    key, separator, value = definition.partition("=")
    if not separator or not key:
        raise CorpusError(f"{definition!r}: define a subcorpus as key=value (speaker=..., source=..., frame=...)")
    sentences = corpus.sentences
    if key == "frame":
        if value not in frame_labels():
            raise CorpusError(f"frame={value}: not a frame label ({', '.join(frame_labels())})")
        chosen = sentences[has_frame(sentences, value)]
    else:
        column = key if key in ("speaker", "speech", "doc_id") else f"meta_{key}"
        if column not in sentences:
            raise CorpusError(f"{definition!r}: the corpus has no {key}")
        chosen = sentences[sentences[column] == value]
    if chosen.empty:
        raise CorpusError(f"{definition!r}: no sentence of the corpus")
    return _words(corpus, corpus.tokens[corpus.tokens["sent_id"].isin(set(chosen["sent_id"]))])


def keyness(corpus: Corpus, focus: str, reference: str, min_count: int = 2) -> pd.DataFrame:
    """Lemmas used more in the ``focus`` subcorpus than in the ``reference`` one: frequencies,
    log-likelihood and log ratio (log2 of the ratio of relative frequencies, 0.5 for a zero)."""
    a, b = subcorpus(corpus, focus), subcorpus(corpus, reference)
    count_a, count_b = Counter(a["lemma"]), Counter(b["lemma"])
    size_a, size_b = len(a), len(b)
    rows = []
    for lemma in sorted(set(count_a) | set(count_b)):
        fa, fb = count_a[lemma], count_b[lemma]
        if fa + fb < min_count or fa * size_b <= fb * size_a:
            continue
        rows.append({"lemma": lemma, "focus": fa, "reference": fb,
                     "log_likelihood": round(log_likelihood(fa, fb, size_a - fa, size_b - fb), 2),
                     "log_ratio": round(math.log2(((fa or 0.5) / size_a) / ((fb or 0.5) / size_b)), 2)})
    table = pd.DataFrame(rows, columns=["lemma", "focus", "reference", "log_likelihood", "log_ratio"])
    return table.sort_values(["log_likelihood", "lemma"], ascending=[False, True], ignore_index=True)
