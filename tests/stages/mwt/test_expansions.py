"""stanza's MWT expander asked once per distinct token: the words stanza gives, fewer asked."""

import pytest

from gofteman.stages.mwt import SplitMultiwordTokens
from gofteman.stages.mwt.expansions import CachedExpander

TEXT = "کتابش را به من داد.\n\nخانه‌اش را فروخت و کتابش را نگه داشت.\n\nدوستانمان آمدند."


class CountingProcessor:
    def __init__(self, processor) -> None:
        self.processor, self.asked = processor, []

    def process(self, document):
        self.asked.append(document.get_mwt_expansions(evaluation=True))
        return self.processor.process(document)


@pytest.mark.slow
def test_the_words_stanza_gives_each_token_asked_once():
    pipeline = SplitMultiwordTokens.from_config().pipeline
    expected = [[(token.text, [word.text for word in token.words]) for token in sentence.tokens]
                for sentence in pipeline(TEXT).sentences]
    counting = CountingProcessor(pipeline.processors["mwt"])
    expander = CachedExpander(counting)
    for _ in range(2):
        document = pipeline.processors["tokenize"].process(TEXT)
        expander.expand(document)
        assert [[(token.text, [word.text for word in token.words]) for token in sentence.tokens]
                for sentence in document.sentences] == expected
    assert len(counting.asked) == 1
    [asked] = counting.asked
    assert len(asked) == len(set(asked))
    assert any(len(words) > 1 for sentence in expected for _, words in sentence)  # something was split
