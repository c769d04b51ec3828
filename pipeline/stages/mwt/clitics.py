"""Clitics that stanza's tokenizer missed: «کلاهش» is «کلاه» + «ش», «اینجاست» «اینجا» + «ست».

The tokenizer (models/fa-small) marks a token as a multiword token from its characters, and it
misses rare nouns with a clitic («فرزندش», «دردم», «جایم»). This rule splits a token it left
whole when the token is a noun in hazm's lexicon plus a clitic of ``schemas/mwt.yaml``, in the
spelling UD PerDT uses: «کلاه» + «ش», «جا» + «یم» after ا/و, «کارهای» + «ش» after a plural,
«خانه‌» + «اش» across a ZWNJ. It leaves alone any token that hazm tags as a word of its own
(«گسترش»), a verb form hazm conjugates («خوردم»), or one of those after a verb prefix
(«دریافتم»). The copula «ست» is split from a word of hazm's lexicon ending in a vowel, or a
noun's plural, as in «خداست», «اوست», «روزهاست» («توست» is «تو» + «ست», not «توس» + «ت»), and
the copula's personal endings («یم», «ید», «ند») from an adjective of hazm's lexicon: «معتقدیم» is
«معتقد» + «یم». A token of ``fixed`` is always split as listed there («مرا» = «م» + «را»).
How often each of these splits as the treebanks do is recorded in ``docs/experiments.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from gofteman.constants import ZWNJ
from gofteman.text.hazm_resources import verb_conjugations, word_tags

#: hazm's tags for a noun and for a verb
NOUN_TAG, VERB_TAG = "N", "V"
#: hazm's tag for a lexicon entry whose part of speech it does not know
UNKNOWN_TAG = ("0",)
#: the plural suffix a clitic can follow («کتاب‌های» + «ش»), and the vowels after which a
#: clitic takes a «ی» («جا» + «یش»)
PLURAL = "ها"
GLIDE, GLIDE_AFTER = "ی", ("ا", "و")
#: the vowel a one-letter clitic takes after a ZWNJ («خانه‌» + «اش»)
ZWNJ_VOWEL = "ا"
#: the endings after which the copula «ست» stands for «است» («خدا» + «ست», «معجزه‌» + «ست»)
VOWELS = ("ا", "و", "ی", ZWNJ)
#: hazm's tag for an adjective, and the shortest adjective a copula ending is split from (so that
#: «مهند» is not «مه» + «ند»)
ADJECTIVE_TAG, MIN_ADJECTIVE_LENGTH = "AJ", 3


def perdt_clitic_spelling(host: str, clitic: str, clitics: Iterable[str]) -> tuple[str, str]:
    """A host and its pronominal clitic as UD PerDT spells them: after «ا»/«و» the clitic takes
    the «ی» («جا» + «یش», «خودرو» + «یش», where the host is no preposition), where iPerUDT mostly leaves it on the host («جای» + «ش»); a plural keeps it
    («کارهای» + «ش»), and so does a host whose «ا» follows a ZWNJ. Other pairs are returned as
    they are."""
    stem = host[: -len(GLIDE)]
    if (clitic in clitics and host.endswith(GLIDE) and stem.endswith(GLIDE_AFTER)
            and not stem.endswith(PLURAL) and not stem[:-1].endswith(ZWNJ)):
        return stem, GLIDE + clitic
    return host, clitic


@dataclass(frozen=True)
class CliticSplitter:
    clitics: tuple[str, ...]
    copulas: tuple[str, ...]
    #: the copula's personal endings, split from an adjective («معتقد» + «یم»)
    adjective_copulas: tuple[str, ...]
    verb_prefixes: tuple[str, ...]
    #: hosts that keep their «ی» before a clitic, as PerDT writes a preposition («برای» + «ش»)
    prepositions: tuple[str, ...]
    #: tokens always split so («مرا»: «م» + «را»)
    fixed: Mapping[str, list[str]] = field(default_factory=dict)
    #: hazm's lexicon and conjugations, read when the splitter is built (a second), not at its first token
    word_tags: Mapping[str, tuple[str, ...]] = field(default_factory=word_tags, repr=False)
    conjugations: Mapping[str, str] = field(default_factory=verb_conjugations, repr=False)

    @classmethod
    def from_config(cls, clitics: Iterable[str], copulas: Iterable[str], adjective_copulas: Iterable[str],
                    verb_prefixes: Iterable[str], prepositions: Iterable[str],
                    fixed: Mapping[str, list[str]]) -> "CliticSplitter":
        return cls(tuple(clitics), tuple(copulas), tuple(adjective_copulas), tuple(verb_prefixes), tuple(prepositions),
                   dict(fixed))

    def perdt_spelling(self, words: list[str]) -> list[str]:
        """The MWT expander's words of a token in PerDT's spelling: it learnt «جای» + «ش» from
        iPerUDT's spelling as well and still writes it for hosts its training data lacks
        (``perdt_clitic_spelling``); a preposition keeps its «ی»."""
        if len(words) != 2 or words[0] in self.prepositions:
            return words
        return list(perdt_clitic_spelling(words[0], words[1], self.clitics))

    def split(self, token: str) -> list[str] | None:
        """The token's two words (host, clitic), or None where the rule does not apply."""
        if token in self.fixed:
            return list(self.fixed[token])
        if self.word_tags.get(token, UNKNOWN_TAG) != UNKNOWN_TAG or self.is_verb(token):
            return None
        for copula in self.copulas:
            host = token[: -len(copula)]
            if token.endswith(copula) and host.endswith(VOWELS) and (self.is_word(host) or self.is_noun(host)):
                return [host, copula]
        for clitic in self.clitics:
            for host, suffix in self.candidates(token, clitic):
                if self.is_noun(host):
                    return [host, suffix]
        for ending in self.adjective_copulas:
            host = token[: -len(ending)]
            if token.endswith(ending) and self.is_adjective(host):
                return [host, ending]
        return None

    @staticmethod
    def candidates(token: str, clitic: str) -> Iterable[tuple[str, str]]:
        """(host, clitic) spellings of ``token``, in the order UD PerDT prefers them."""
        after_zwnj = ZWNJ_VOWEL + clitic if len(clitic) == 1 else clitic
        if token.endswith(ZWNJ + after_zwnj):
            yield token[: -len(after_zwnj)], after_zwnj
        if token.endswith(clitic) and not token.endswith(ZWNJ + clitic):
            glided = perdt_clitic_spelling(token[: -len(clitic)], clitic, (clitic,))
            if glided[1] != clitic:
                yield glided
            yield token[: -len(clitic)], clitic

    def is_verb(self, token: str) -> bool:
        return token in self.conjugations or any(
            token.startswith(prefix) and token[len(prefix):] in self.conjugations for prefix in self.verb_prefixes)

    def is_word(self, host: str) -> bool:
        """A word of hazm's lexicon with a known part of speech other than verb."""
        base = host.rstrip(ZWNJ)
        tags = self.word_tags.get(base, UNKNOWN_TAG)
        return len(base) > 1 and tags != UNKNOWN_TAG and VERB_TAG not in tags

    def is_adjective(self, host: str) -> bool:
        """An adjective of hazm's lexicon that no verb reading shares."""
        tags = self.word_tags.get(host, ())
        return len(host) >= MIN_ADJECTIVE_LENGTH and ADJECTIVE_TAG in tags and VERB_TAG not in tags

    def is_noun(self, host: str) -> bool:
        """A noun of hazm's lexicon that no verb reading shares, maybe with a plural suffix."""
        base = host.rstrip(ZWNJ)
        for plural in (PLURAL + GLIDE, PLURAL):
            if base.endswith(plural):
                base = base[: -len(plural)].rstrip(ZWNJ)
                break
        tags = self.word_tags.get(base, ())
        return len(base) > 1 and NOUN_TAG in tags and VERB_TAG not in tags
