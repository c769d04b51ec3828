import numpy as np
import pytest
from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

from gofteman import tree_decoding
from gofteman.tree_decoding import is_one_root_tree, one_root_tree, one_root_trees


@pytest.mark.parametrize("heads, cycle", [
    ([0, 0, 1, 2], None),
    ([0, 2, 1, 0], [1, 2]),
    ([0, 0, 3, 4, 2], [2, 3, 4]),            # a cycle of three hanging off nothing
    ([0, 2, 3, 1, 3], [1, 2, 3]),            # with a word hanging from the cycle
])
def test_first_cycle(heads, cycle):
    found = tree_decoding.first_cycle(np.array(heads))
    assert (found is None) if cycle is None else (np.flatnonzero(found).tolist() == cycle)


@pytest.mark.parametrize("heads, expected", [
    ([0, 0], True),
    ([0, 2, 0, 2], True),          # 1 <- 2 -> 3, 2 from the root
    ([0, 0, 0], False),            # two root arcs
    ([0, 2, 1, 0], False),         # 1 and 2 head each other
    ([0, 2, 3, 1, 0], False),      # a cycle of three beside the root's word
    ([0, 2, 3, 4, 5, 6, 7, 8, 0], True),  # a chain longer than one doubling step
])
def test_one_root_tree_check(heads, expected):
    assert is_one_root_tree(np.array(heads)) is expected


def planted_scores(rng: np.random.Generator, length: int, noise: float) -> np.ndarray:
    """Log-probabilities of heads, as stanza's parser gives them, favouring a random tree,
    blurred by noise: at low noise the best heads form the tree, at high noise they often hold
    cycles and several root arcs."""
    heads = [0, 0] + [int(rng.integers(1, word)) for word in range(2, length)]  # one root arc
    scores = rng.normal(0, noise, (length, length)).astype(np.float32)
    for word, head in enumerate(heads[1:], 1):
        scores[word, head] += 1
    return (scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))).astype(np.float32)


def test_same_trees_as_stanza_search():
    rng = np.random.default_rng(7)
    greedy = 0
    for trial in range(1500):
        scores = planted_scores(rng, int(rng.integers(2, 45)), noise=(0.05, 0.4, 2.0)[trial % 3])
        expected = chuliu_edmonds_one_root(scores)
        assert np.array_equal(one_root_tree(scores), expected), trial
        assert np.array_equal(tree_decoding.chuliu_edmonds_one_root(scores), expected), trial  # the search alone
        greedy += is_one_root_tree(tree_decoding.greedy_heads(scores))
    assert 300 < greedy < 1200  # both paths were taken


def test_a_batch_decodes_as_its_sentences_one_by_one():
    rng = np.random.default_rng(11)
    for trial in range(60):
        lengths = [int(n) for n in rng.integers(2, 40, 25)]
        padded = np.full((len(lengths), max(lengths), max(lengths)), 0.5, dtype=np.float32)  # padding is never read
        for i, length in enumerate(lengths):
            padded[i, :length, :length] = planted_scores(rng, length, noise=(0.05, 0.4, 2.0)[trial % 3])
        batch = one_root_trees(padded, lengths)
        assert [tree.tolist() for tree in batch] == \
            [chuliu_edmonds_one_root(padded[i, :n, :n]).tolist() for i, n in enumerate(lengths)], trial


def test_install_replaces_the_parser_search():
    from stanza.models.depparse import model

    tree_decoding.install()
    assert model.chuliu_edmonds_one_root is one_root_tree
    scores = planted_scores(np.random.default_rng(1), 12, 0.1)
    assert np.array_equal(model.chuliu_edmonds_one_root(scores), chuliu_edmonds_one_root(scores))
