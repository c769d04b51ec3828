"""make bench times mwt on what tokenize writes: the corpus with its multiword tokens joined."""

from gofteman import conllu
from gofteman.constants import PROJECT_DIR
from gofteman.evaluation.bench import surface_tokens_only
from gofteman.stages.mwt import SplitMultiwordTokens

SEED = PROJECT_DIR / "corpus" / "conllu" / "000_67594997d190f86c.conllu"


def test_mwt_splits_the_joined_corpus_as_it_is_committed():
    text = SEED.read_text(encoding="utf-8")
    joined = surface_tokens_only(text)
    assert not any("-" in row[conllu.ID] for s in conllu.parse(joined) for row in s.rows)
    split = SplitMultiwordTokens.from_config().process("seed", joined).output
    assert [[row[:2] for row in s.rows] for s in conllu.parse(split)] == \
           [[row[:2] for row in s.rows] for s in conllu.parse(text)]
