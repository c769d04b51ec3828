"""Cue candidates mined from the frames training set, for a linguist to review (``gofteman
frames mine``); nothing is added to a lexicon automatically.

For each frame, the lemmas and the (lemma, relation, head lemma) triples of its positive and
negative training sentences are compared by the log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi and Quinn's "Fightin' Words"), counted once a sentence; the prior is the
feature's share of the whole set. Each candidate is shown with its z-score, how many positive and
negative sentences hold it, and its *coverage*: the share of its positive sentences the current
rules already label with the frame (a high z with low coverage is a cue the rules miss). Beside
them, the nearest neighbours in the word vectors gofteman ships (``models/fa-small/pretrain.pt``)
of each lexicon's entries that the lexicon lacks.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from gofteman import conllu

#: The word classes whose lemmas are mined: content words, not function words or punctuation.
CONTENT_UPOS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV"})
#: The total weight of the Dirichlet prior, in pseudo-counts of features.
PRIOR_WEIGHT = 100.0


@dataclass(frozen=True)
class Candidate:
    frame: str
    feature: str
    z: float
    positive: int
    negative: int
    coverage: float


def sentence_features(sentences: list[conllu.Sentence]) -> set[str]:
    """A gold sentence's lemmas of content words and its ``lemma <rel head`` triples."""
    features: set[str] = set()
    for sentence in sentences:
        words = sentence.words()
        for row in words:
            if row[conllu.UPOS] not in CONTENT_UPOS or row[conllu.LEMMA] == "_":
                continue
            features.add(row[conllu.LEMMA])
            head = int(row[conllu.HEAD]) if row[conllu.HEAD].isdigit() else 0
            if head and words[head - 1][conllu.UPOS] in CONTENT_UPOS:
                features.add(f"{row[conllu.LEMMA]} <{row[conllu.DEPREL]} {words[head - 1][conllu.LEMMA]}")
    return features


def log_odds(positive: Counter, negative: Counter) -> dict[str, float]:
    """Each feature's z-score of the log-odds ratio between its counts in the positive and the
    negative sentences, with an informative Dirichlet prior of weight ``PRIOR_WEIGHT`` spread as
    the features' shares of both (Monroe et al. 2008)."""
    total = positive + negative
    size = sum(total.values())
    n_positive, n_negative = sum(positive.values()), sum(negative.values())
    scores = {}
    for feature, count in total.items():
        prior = PRIOR_WEIGHT * count / size
        a, b = positive[feature] + prior, negative[feature] + prior
        delta = math.log(a / (n_positive + PRIOR_WEIGHT - a)) - math.log(b / (n_negative + PRIOR_WEIGHT - b))
        scores[feature] = delta / math.sqrt(1 / a + 1 / b)
    return scores


def mine(features: list[set[str]], gold: list[set[str]], predicted: list[set[str]], labels: tuple[str, ...],
         min_count: int = 3, top: int = 30) -> list[Candidate]:
    """The ``top`` candidates of each frame by z-score, held by at least ``min_count`` positive
    sentences; ``features``, ``gold`` and ``predicted`` (the rules' labels) per training sentence."""
    result = []
    for label in labels:
        positive, negative = Counter(), Counter()
        covered = Counter()
        for found, truth, machine in zip(features, gold, predicted):
            (positive if label in truth else negative).update(found)
            if label in truth and label in machine:
                covered.update(found)
        scores = log_odds(positive, negative)
        ranked = sorted((f for f in scores if positive[f] >= min_count), key=lambda f: (-scores[f], f))[:top]
        result += [Candidate(label, f, scores[f], positive[f], negative[f], covered[f] / positive[f]) for f in ranked]
    return result


def nearest_neighbours(lexicons: dict[str, list[str]], pretrain: Path, count: int = 5,
                       min_cosine: float = 0.5) -> dict[str, list[tuple[str, str, float]]]:
    """For each lexicon, ``(entry, neighbour, cosine)`` of its entries' nearest words in the
    shipped vectors that the lexicon does not hold, best first, at most ``count`` an entry."""
    import torch
    from stanza.models.common.pretrain import Pretrain

    shipped = Pretrain(str(pretrain))
    vectors = torch.nn.functional.normalize(torch.as_tensor(shipped.emb, dtype=torch.float32), dim=1)
    vocabulary = shipped.vocab
    words = [vocabulary.id2unit(i) for i in range(len(vocabulary))]
    result = {}
    for name, entries in lexicons.items():
        held = {entry.removesuffix("$") for entry in entries}
        found = []
        for entry in sorted(held):
            index = vocabulary.unit2id(entry)
            if index == vocabulary.unit2id("<UNK>") or entry == "<UNK>":
                continue
            similarity = vectors @ vectors[index]
            nearest = [(words[other], float(similarity[other]))
                       for other in torch.argsort(similarity, descending=True)[1:count * 4].tolist()]
            found += [(entry, word, cosine) for word, cosine in nearest
                      if word not in held and not word.startswith("<") and cosine >= min_cosine][:count]
        result[name] = sorted(found, key=lambda item: -item[2])
    return result
