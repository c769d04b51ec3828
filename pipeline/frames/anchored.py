"""spaCy's Matcher, run only for the rules a sentence can match.

spaCy's Matcher tries every pattern at every word, and each of the rule base's lexicon tests
(``IN``, ``REGEX``) is a Python call: about 150 calls a word, most of the frames stage's time. Yet
nearly every pattern needs some word of a lexicon or a given spelling: a word its match cannot
do without (no ``OP`` that lets it be absent), tested on a word attribute for a value, a list of
values or a regular expression. A sentence without such a word cannot match the pattern.

So each key (a rule, or a list of cues) gets a Matcher of its own and its patterns' *anchors*:
for each pattern, one test its obligatory words must pass. Each distinct word form is tested
against all anchors once (the answers are kept), and a sentence runs only the Matchers of the keys
that have a pattern with no anchor or whose anchors its words pass. A rule's context cues are
looked for only where the rule matched (nothing else reads them). The matches are the ones the
single Matcher finds, in the same order within each key.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: The word attributes a pattern's anchor may test, as the words' strings to read.
ANCHOR_ATTRIBUTES = {"NORM": "norm_", "LEMMA": "lemma_", "ORTH": "text", "TEXT": "text", "LOWER": "lower_"}
#: ``OP`` values with which a pattern's word must be there at least once.
REQUIRED_OPS = re.compile(r"\+|\{[1-9]\d*(,\d*)?\}")
#: Distinct word strings whose anchor answers are kept.
ANSWERS_KEPT = 200_000


@dataclass(frozen=True)
class Anchor:
    """A test that some word of a matching sentence passes: its ``attribute`` equals a value,
    is in a list, or matches a regular expression (``re.search``, as spaCy's ``REGEX``)."""

    attribute: str
    values: frozenset[str] | None = None
    regex: re.Pattern | None = None

    def passes(self, value: str) -> bool:
        return value in self.values if self.values is not None else self.regex.search(value) is not None


def _token_anchors(spec: dict) -> Iterator[Anchor]:
    if "OP" in spec and not REQUIRED_OPS.fullmatch(str(spec["OP"])):
        return
    for attribute, test in spec.items():
        if attribute not in ANCHOR_ATTRIBUTES:
            continue
        if isinstance(test, str):
            yield Anchor(attribute, values=frozenset([test]))
        elif isinstance(test, dict) and isinstance(test.get("IN"), list) and all(isinstance(v, str) for v in test["IN"]):
            yield Anchor(attribute, values=frozenset(test["IN"]))
        elif isinstance(test, dict) and isinstance(test.get("REGEX"), str):
            yield Anchor(attribute, regex=re.compile(test["REGEX"]))


def pattern_anchors(pattern: list[dict]) -> frozenset[Anchor]:
    """The tests the pattern's obligatory words must pass: a sentence it matches has, for each
    of them, a word that passes it."""
    return frozenset(anchor for spec in pattern for anchor in _token_anchors(spec))


class AnchoredMatcher:
    """A Matcher per key, run on a sentence only where its anchors allow a match."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.matchers: dict[str, Matcher] = {}
        self.anchors: dict[str, list[frozenset[Anchor]] | None] = {}  # per pattern; None: some pattern has none
        self.needs: dict[str, str] = {}
        self.attributes: set[str] = set()
        self._anchor_list: list[Anchor] = []
        self.passed = lru_cache(maxsize=ANSWERS_KEPT)(self._passed)

    def add(self, key: str, patterns: list[list[dict]], needs: str | None = None) -> None:
        """spaCy's ``Matcher.add`` (its errors included), with the patterns' anchors noted.
        ``needs``: a key whose matches alone make these worth finding (a rule's context cues
        are read only where the rule matched), added before this one."""
        if needs:
            self.needs[key] = needs
        matcher = self.matchers.get(key) or Matcher(self.vocab, validate=True)
        matcher.add(key, patterns)
        self.matchers[key] = matcher
        anchors = [pattern_anchors(pattern) for pattern in patterns]
        known = self.anchors.get(key, [])
        self.anchors[key] = None if known is None or not all(anchors) else known + anchors
        self._anchor_list = sorted(self._all_anchors(), key=repr)
        self.attributes = {anchor.attribute for anchor in self._anchor_list}
        self.passed.cache_clear()

    def __len__(self) -> int:
        return sum(len(matcher) for matcher in self.matchers.values())

    def _all_anchors(self) -> set[Anchor]:
        return {anchor for patterns in self.anchors.values() for anchors in patterns or () for anchor in anchors}

    def _passed(self, attribute: str, value: str) -> frozenset[Anchor]:
        return frozenset(anchor for anchor in self._anchor_list if anchor.attribute == attribute and anchor.passes(value))

    def __call__(self, doc: Doc, found: Collection[str] = ()) -> list[tuple[int, int, int]]:
        """``(match_id, start, end)`` of every key's matches, key by key (in the order added); a
        key that ``needs`` another is run where that one matched here or is in ``found``."""
        found = set(found)
        passed: set[Anchor] = set()
        for token in doc:
            for attribute in self.attributes:
                passed |= self.passed(attribute, getattr(token, ANCHOR_ATTRIBUTES[attribute]))
        matches = []
        for key, matcher in self.matchers.items():
            if key in self.needs and self.needs[key] not in found:
                continue
            patterns = self.anchors[key]
            if patterns is None or any(anchors <= passed for anchors in patterns):
                key_matches = matcher(doc)
                if key_matches:
                    found.add(key)
                    matches.extend(key_matches)
        return matches
