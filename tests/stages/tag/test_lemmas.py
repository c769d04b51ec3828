"""stanza's lemmatizer asked once per distinct word and UPOS: the lemmas stanza gives, fewer asked."""

import pytest

from gofteman.stages.tag import lemmas as lemmas_module
from gofteman.stages.tag.lemmas import CachedLemmatizer

SENTENCES = [["کتاب‌ها", "را", "خواندند", "."], ["دانشجویان", "کتاب‌ها", "را", "می‌خوانند", "."],
             ["نوشته‌هایش", "را", "خواندم", "."]]


@pytest.fixture(scope="module")
def pipeline():
    from gofteman.stanza_models import build_pipeline

    return build_pipeline(["pos", "lemma", "depparse"], "shipped", {"pos": 64, "lemma": 1000, "depparse": 1000})


class CountingProcessor:
    def __init__(self, processor) -> None:
        self.processor, self.asked = processor, []

    def process(self, document):
        self.asked.append([word.text for sentence in document.sentences for word in sentence.words])
        return self.processor.process(document)


@pytest.mark.slow
def test_the_lemmas_stanza_gives_each_pair_asked_once(pipeline, monkeypatch):
    stanzas = pipeline(SENTENCES, processors="tokenize,pos,lemma")
    expected = [[word.lemma for word in sentence.words] for sentence in stanzas.sentences]
    counting = CountingProcessor(pipeline.processors["lemma"])
    lemmatizer = CachedLemmatizer(counting)
    for _ in range(2):
        document = pipeline(SENTENCES, processors="tokenize,pos")
        lemmatizer.lemmatize(document)
        assert [[word.lemma for word in sentence.words] for sentence in document.sentences] == expected
    assert len(counting.asked) == 1  # the second time, every pair was known
    [asked] = counting.asked
    assert len(asked) == len(set(asked)) < sum(len(s) for s in SENTENCES)  # «را», «.», «کتاب‌ها» once

    monkeypatch.setattr(lemmas_module, "LEMMA_CACHE_WORDS", 3)
    lemmatizer.lemmatize(document)
    assert len(lemmatizer.lemmas) <= 3 + len(asked)  # full: started afresh with this batch's pairs only
