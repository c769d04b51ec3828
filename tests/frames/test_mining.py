"""Cue mining: log-odds with an informative Dirichlet prior, coverage by the rules."""

from gofteman import conllu
from gofteman.frames.mining import log_odds, mine, sentence_features
from collections import Counter


def test_a_feature_of_the_positive_sentences_scores_above_one_of_both():
    positive, negative = Counter({"دشمن": 9, "گفت": 5}), Counter({"گفت": 50})
    scores = log_odds(positive, negative)
    assert scores["دشمن"] > 2 > scores["گفت"]


def test_candidates_carry_counts_and_the_rules_coverage():
    features = [{"دشمن"}, {"دشمن"}, {"دشمن", "گفت"}, {"گفت"}, {"گفت"}, set()]
    gold = [{"enemy"}, {"enemy"}, {"enemy"}, set(), set(), set()]
    predicted = [{"enemy"}, set(), set(), set(), set(), set()]
    [top, *_] = mine(features, gold, predicted, ("enemy",), min_count=3)
    assert (top.feature, top.positive, top.negative) == ("دشمن", 3, 0)
    assert round(top.coverage, 2) == 0.33


def test_features_are_content_lemmas_and_their_relations():
    [sentence] = conllu.parse("# sent_id = 1\n# text = x\n"
                              "1\tدشمنان\tدشمن\tNOUN\t_\t_\t2\tnsubj\t_\t_\n"
                              "2\tشکست\tشکست\tVERB\t_\t_\t0\troot\t_\t_\n"
                              "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n")
    assert sentence_features([sentence]) == {"دشمن", "شکست", "دشمن <nsubj شکست"}
