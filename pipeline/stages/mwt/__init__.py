"""mwt: multiword tokens split into syntactic words, as UD Persian writes them.

UD Persian splits a pronominal clitic or ``را`` from its host: «کتابش» is one surface token and
two words, «کتاب» + «ش»; «مرا» is «من» + «را». hazm's tokens stay the surface tokens. Which of
them are multiword tokens is decided by stanza's tokenizer (it labels each character, and a
multiword token is one of its labels), and their words come from stanza's MWT expander; both
are trained on UD Persian (models/fa-small). stanza reads each sentence's normalised text; a
token is split only where stanza's token has exactly the span of the hazm token, so the
surface tokens and the sentences stay hazm's. One guard against the tokenizer's most frequent
mistake, nouns in «ـش»/«ـم» such as «گسترش» or «چهارم» split like a clitic: a token that hazm's
lexicon lists as a word and that the MWT expander never saw split in its training data stays
whole; so does a verb
form with a ZWNJ that hazm conjugates, such as the perfect «گرفته‌اند», which the tokenizer splits
like a noun with «ـ‌ام» (PerDT writes them whole). So does a token
whose last word would not be one of the ``enclitics`` of ``schemas/mwt.yaml`` (clitics, the
copula, «را»): iPerUDT splits compounds and «اینکه», which PerDT writes as one word, and the
tokenizer learnt that too. An enclitic written apart is a word already and stays whole: the
perfect's ending in «داشته ایم» is no «ای» + «م» (UD Persian never splits one). A token stanza
splits into more than ``max_words`` words stays whole:
formal Persian hardly has such tokens, and the tokenizer learnt colloquial ones such as
«خودتونو» from iPerUDT, so it cuts names like «هاچیکو» in three. A token it left whole that is a noun of hazm's lexicon plus a pronominal clitic, a word
plus the copula «ست», an adjective plus a personal ending of the copula, or «مرا», is split by the
rule of ``clitics.py``, which reads them from ``schemas/mwt.yaml``; a clitic after
«ا»/«و» is spelled as PerDT spells it («خودرو» + «یش», not «خودروی» + «ش»). Either way, a token that
raw Persian text (the ZWNJ lexicon's counts) writes far more often than the host it would split
into is a word of its own and stays whole: «لیست» is no «لیس» + «ت», «متهمان» no «مته» + «مان»; but
an adjective with a personal ending of the copula («امیدوارم») is split as PerDT splits it.

A split token becomes a range line (``4-5``) that keeps the token's FORM and MISC, followed by
its words, whose FORM is the word as stanza splits the normalised token, with a ZWNJ between two
words kept at the end of the first, as UD PerDT writes «دارایی‌» + «شان», and cut from the
token's original FORM where the words spell it but for ZWNJs the normaliser put in (conventions:
``schemas/conllu.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

from gofteman import conllu
from gofteman.stages.mwt.clitics import CliticSplitter
from gofteman.stages.mwt.expansions import CachedExpander
from gofteman.constants import (CAP_NORM, CAP_SENTENCES, CAP_TOKENS, CAP_WORDS, MISC_NORM, PROJECT_DIR, SHIPPED_MODELS_DIR,
                                ZWNJ, ZWNJ_LEXICON_PATH)
from gofteman.text.hazm_resources import verb_conjugations, word_tags
from gofteman.text.zwnj import shipped_lexicon
from gofteman.stages.stanza_stage import StanzaStage

#: stanza reads the sentences of a batch as one text, one sentence per paragraph
SENTENCE_SEPARATOR = "\n\n"
WHITESPACE = re.compile(r"\s")


def sentence_text(sentence: conllu.Sentence) -> tuple[str, list[tuple[int, int]]]:
    """The sentence's normalised text as stanza reads it and the span of each surface token in
    it: one space where the original has any gap, nothing where it has none."""
    parts, spans, position = [], [], 0
    tokens = sentence.tokens()
    for index, row in enumerate(tokens):
        form = conllu.normalized_form(row)
        spans.append((position, position + len(form)))
        parts.append(form)
        position += len(form)
        if index < len(tokens) - 1 and conllu.separator(row[conllu.MISC]) != "":
            parts.append(" ")
            position += 1
    return "".join(parts), spans


def keep_junction_zwnj(token: str, words: list[str]) -> list[str]:
    """The words of a multiword token with the token's ZWNJ between two of them put back at the
    end of the first, as UD PerDT writes it in all 32 such tokens of its dev file (the MWT
    expander learnt from normalised words, which never end in a ZWNJ, and drops it). Words
    that do not spell the token («مرا»: «من» + «را») stay as they are."""
    kept, position = [], 0
    for index, word in enumerate(words):
        if not token.startswith(word, position):
            return words
        position += len(word)
        if index < len(words) - 1 and token.startswith(ZWNJ, position):
            word += ZWNJ
            position += 1
        kept.append(word)
    return kept


def original_spelling(form: str, words: list[str]) -> list[str]:
    """The words of a multiword token cut from its original FORM where they spell it but for
    ZWNJs the normaliser put in: «همکلاسم» is «همکلاس» + «م», not the repaired «هم‌کلاس» + «م», as UD
    PerDT writes the words of a token (they are its pieces). Other words («مرا»: «من» + «را», or a
    token the normaliser respelled otherwise) stay as they are."""
    pieces, position = [], 0
    for word in words:
        start = position
        for char in word:
            if form.startswith(char, position):
                position += 1
            elif char != ZWNJ:
                return words
        pieces.append(form[start:position])
    return pieces if position == len(form) and all(pieces) else words


def split_rows(sentence: conllu.Sentence, splits: dict[int, list[str]]) -> None:
    """Rewrites the rows: token ``index`` (0-based) becomes a range over the words ``splits``
    gives it (as the models read them), each written with its original spelling
    (``original_spelling``) and, where that differs, the models' one in MISC ``Norm``; all words
    are numbered again."""
    rows: list[list[str]] = []
    number = 0
    for index, row in enumerate(sentence.tokens()):
        words = splits.get(index)
        if not words:
            number += 1
            rows.append([str(number), *row[1:]])
            continue
        first = number + 1
        number += len(words)
        rows.append([f"{first}-{number}", *row[1:]])
        for offset, (form, word) in enumerate(zip(original_spelling(row[conllu.FORM], words), words)):
            misc = conllu.misc_set("_", MISC_NORM, conllu.escape_misc_value(word)) if form != word else "_"
            rows.append([str(first + offset), form, *["_"] * 7, misc])
    sentence.rows = rows


class SplitMultiwordTokens(StanzaStage):
    name = "mwt"
    requires = frozenset({CAP_SENTENCES, CAP_TOKENS, CAP_NORM})
    provides = frozenset({CAP_WORDS})
    config_file = "mwt.yaml"
    processors = ["tokenize", "mwt"]
    pretokenized = False
    resources = (*(f"models/{SHIPPED_MODELS_DIR.name}/{name}" for name in ("tokenizer.pt", "mwt.pt")),
                 str(ZWNJ_LEXICON_PATH.relative_to(PROJECT_DIR)))
    code_modules = (*StanzaStage.code_modules, "gofteman.stages.mwt.clitics", "gofteman.stages.mwt.expansions",
                    "gofteman.text.hazm_resources",
                    "gofteman.text.zwnj")
    libraries = (*StanzaStage.libraries, "hazm")
    libraries = ("stanza", "torch", "hazm")  # hazm: its word list guards the splits

    def __init__(self, models: str, device: str, precision: str, batch_size: dict[str, int], documents_per_batch: int,
                 max_words: int, enclitics: list[str], clitic_split: dict, attested_whole: dict) -> None:
        super().__init__(models, device, precision, batch_size, documents_per_batch)
        self.max_words = max_words
        self.enclitics = frozenset(enclitics)
        self.clitics = CliticSplitter.from_config(**clitic_split)
        self.attested_whole_min_count = attested_whole["min_count"]
        self.attested_whole_ratio = attested_whole["ratio"]
        self.expander = CachedExpander(self.pipeline.processors["mwt"])

    def attested_whole(self, token: str, words: list[str]) -> bool:
        """The token is a word of its own: raw text writes it at least ``attested_whole_min_count``
        times and ``attested_whole_ratio`` times as often as the host it would split into, and the
        host is no adjective taking a personal ending of the copula. Tokens always split so
        (``fixed``) are split."""
        if token in self.clitics.fixed or self.clitics.is_adjective(words[0]):
            return False
        whole = shipped_lexicon().frequency(token.replace(ZWNJ, ""))
        host = shipped_lexicon().frequency(words[0].replace(ZWNJ, ""))
        return whole >= self.attested_whole_min_count and whole >= self.attested_whole_ratio * host

    @cached_property
    def whole_words(self) -> frozenset[str]:
        """Words of hazm's lexicon that the MWT expander's training data never split, the verb
        forms with a ZWNJ that hazm conjugates («گرفته‌اند», «می‌روم»)."""
        seen_split = self.pipeline.processors["mwt"].trainer.expansion_dict
        zwnj_verbs = frozenset(form for form in verb_conjugations() if ZWNJ in form)
        return (frozenset(word_tags()) - frozenset(seen_split)) | zwnj_verbs

    def analyse(self, sentences: list[conllu.Sentence]) -> list:
        texts = [sentence_text(sentence)[0] for sentence in sentences]
        # stanza's tokenizer alone (a Pipeline asked for it would run the MWT expander too)
        document = self.pipeline.processors["tokenize"].process(SENTENCE_SEPARATOR.join(texts))
        self.expander.expand(document)
        analysed = document.sentences
        if len(analysed) != len(sentences):  # cannot happen with tokenize_no_ssplit; never misalign
            raise ValueError(f"stanza returned {len(analysed)} sentences for {len(sentences)}")
        return analysed

    def annotate(self, sentences: list[conllu.Sentence], analysed: Iterable) -> None:
        offset = 0  # of the sentence in the text stanza read
        for sentence, result in zip(sentences, analysed):
            text, spans = sentence_text(sentence)
            token_at = {(start + offset, end + offset): index for index, (start, end) in enumerate(spans)}
            offset += len(text) + len(SENTENCE_SEPARATOR)
            if any("-" in row[conllu.ID] for row in sentence.rows):
                continue  # already split
            splits = {}
            for token in result.tokens:
                index = token_at.get((token.start_char, token.end_char))
                words = [word.text for word in token.words]
                if (index is not None and 1 < len(words) <= self.max_words and words[-1] in self.enclitics
                        and token.text not in self.whole_words and token.text not in self.enclitics
                        and all(word and not WHITESPACE.search(word) for word in words)
                        and not self.attested_whole(token.text, words)):
                    splits[index] = self.clitics.perdt_spelling(keep_junction_zwnj(token.text, words))
            for index, form in enumerate(conllu.normalized_form(row) for row in sentence.tokens()):
                if (index not in splits and form not in self.enclitics and (words := self.clitics.split(form))
                        and not self.attested_whole(form, words)):
                    splits[index] = words
            if splits:
                split_rows(sentence, splits)
