"""Frames per group, cues, collocates and keyness on the test corpus, against values worked
out by hand."""

import pytest

from gofteman.workbench import stats
from gofteman.workbench.corpus import Corpus, CorpusError


@pytest.fixture
def corpus(small_corpus):
    return Corpus.load(small_corpus)


def test_frames_per_speaker_count_sentences_and_normalise_per_1000_words(corpus):
    table = stats.frames_by(corpus, "speaker").set_index("speaker")
    assert table.loc["علی رضایی", ["sentences", "words", "threat", "enemy", "hope"]].tolist() == [2, 6, 1, 1, 1]
    assert table.loc["علی رضایی", "hope_per_1000"] == pytest.approx(1000 / 6, abs=0.01)
    assert table.loc[stats.NARRATION, "enemy"] == 1  # A-3 has no speaker
    by_source = stats.frames_by(corpus, "source").set_index("source")
    assert by_source.loc["tv", "hope"] == 1 and by_source.loc["radio", "sentences"] == 3
    with pytest.raises(CorpusError, match="--by genre"):
        stats.frames_by(corpus, "genre")


def test_top_cues_count_evidence_lemmas_with_their_rules(corpus):
    cues = stats.top_cues(corpus)
    row = cues[(cues.frame == "enemy")].iloc[0]
    assert (row.cue, row["count"], row.rules) == ("دشمن", 2, "enemy-lexical")


def test_collocates_log_likelihood_and_mi(corpus):
    # «دشمن» twice, 13 words without punctuation, 4 words in its windows, «توطئه» once in one of them
    table = stats.collocates(corpus, "دشمن", min_count=1).set_index("collocate")
    assert table.loc["توطئه", "together"] == 1
    assert table.loc["توطئه", "mi"] == pytest.approx(1.70, abs=0.01)  # log2(1 / (4 * 1 / 13))
    assert table.loc["توطئه", "log_likelihood"] == pytest.approx(2.55, abs=0.01)
    assert "دشمن" not in table.index
    with pytest.raises(CorpusError, match="does not occur"):
        stats.collocates(corpus, "صلح")


def test_keyness_of_one_subcorpus_against_another(corpus):
    table = stats.keyness(corpus, "speaker=علی رضایی", "source=tv", min_count=1).set_index("lemma")
    assert table.loc["دشمن", ["focus", "reference"]].tolist() == [1, 0]
    assert table.loc["دشمن", "log_ratio"] == pytest.approx(0.42, abs=0.01)  # log2((1/6) / (0.5/4))
    assert "امید" not in table.index  # used relatively more in the reference
    for bad, message in (("speaker", "key=value"), ("frame=joy", "not a frame label"), ("speaker=کسی", "no sentence")):
        with pytest.raises(CorpusError, match=message):
            stats.keyness(corpus, bad, "source=tv")


def test_log_likelihood_is_zero_when_observed_equals_expected():
    assert stats.log_likelihood(10, 10, 10, 10) == pytest.approx(0.0)
