"""tag: UPOS, XPOS, FEATS, LEMMA, HEAD and DEPREL from a stanza Pipeline.

Reads the CoNLL-U with its multiword tokens split (the mwt stage) and fills those columns for
every syntactic word, giving stanza the words as the models see them
(``Sentence.normalized_words``) as pretokenised sentences; FORM and MISC stay as they are.
Sentences of many documents go through stanza together. Models: the shipped ones in
``models/fa-small`` or, with ``--models official``, stanza's published ones (schemas/tag.yaml).
Before the lemmatizer and the parser read the tagger's UPOS, XPOS and FEATS, a word made only of
punctuation marks or symbols gets UD's PUNCT or SYM and a word in another script PerDT's analysis
of foreign words (``pipeline/character_tags.py``); a number in digits after «سال», «دهه», «ساعت»
or «روز» gets PerDT's NOUN and «داشتن» before a verb in «می» of its person PerDT's progressive AUX
(``pipeline/context_tags.py``); with the shipped models, the tag dictionary of their training
data (``pipeline/tag_dictionary.py``) corrects the others. A word the writer spaced apart where a
ZWNJ belongs («می رود», «گروه های») is read whole and written back as UD's ``goeswith``
(``spaced_words.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gofteman import conllu
from gofteman.constants import (
    CAP_FEATS,
    CAP_LEMMA,
    CAP_ORIG_LEMMA,
    CAP_NORM,
    CAP_SENTENCES,
    CAP_TOKENS,
    CAP_TREE,
    CAP_UPOS,
    CAP_WORDS,
    CAP_XPOS,
    MISC_ORIG_LEMMA,
    MODELS_SHIPPED,
    PROJECT_DIR,
    SHIPPED_MODELS_DIR,
    TAG_DICTIONARY_PATH,
    VERB_STEMS_PATH,
    VERB_UPOS,
    ZWNJ,
    ZWNJ_LEXICON_PATH,
)
from gofteman.stages.tag.character_tags import CharacterTags, is_foreign
from gofteman.stages.tag.context_tags import NumberNames, ProgressiveAuxiliary
from gofteman.stages.tag.lemmas import CachedLemmatizer
from gofteman.stages.tag.spaced_words import SpacedWords, write_goeswith
from gofteman.stages.stanza_stage import StanzaStage
from gofteman.stanza_documents import Words
from gofteman.stages.tag.tag_dictionary import Analysis, TagDictionary
from gofteman.stages.tag.verb_lemmas import STEM_SEPARATOR, VerbLemmas, negative_polarity, ud_lemma
from gofteman.text.hazm_resources import verb_conjugations
from gofteman.text.zwnj import shipped_lexicon

UD_DEPREL = re.compile(r"[a-z]+(:[a-z]+)?")


def _value(value: object) -> str:
    return "_" if value in (None, "") else str(value)


def lemma(form: str, predicted: str | None) -> str:
    """The lemma to write: a form with no letters (digits, punctuation) or in another script
    («MRI») is its own lemma, as written, as UD Persian has it (the seq2seq lemmatizer sees
    normalised digits and quotes and can garble numbers and foreign words); a ZWNJ never starts or
    ends a lemma."""
    if not any(char.isalpha() for char in form) or is_foreign(form):
        return form
    return _value((predicted or "").strip(ZWNJ))


def ud_deprel(deprel: str) -> str:
    """A relation as UD writes it; iPerUDT's ``discourse:top/foc`` (not valid UD, and learnt
    by the shipped parser) becomes its universal part."""
    return deprel if UD_DEPREL.fullmatch(deprel) else deprel.split(":")[0]


class Tag(StanzaStage):
    name = "tag"
    requires = frozenset({CAP_SENTENCES, CAP_TOKENS, CAP_NORM, CAP_WORDS})
    provides = frozenset({CAP_LEMMA, CAP_ORIG_LEMMA, CAP_UPOS, CAP_XPOS, CAP_FEATS, CAP_TREE})
    config_file = "tag.yaml"
    processors = ["pos", "lemma", "depparse"]
    lower_precision = ("pos", "depparse")  # the lemmatizer is no faster in bfloat16
    code_modules = (*StanzaStage.code_modules, "gofteman.stages.tag.verb_lemmas", "gofteman.text.hazm_resources",
                    "gofteman.stages.tag.tag_dictionary", "gofteman.stages.tag.character_tags", "gofteman.stages.tag.context_tags",
                    "gofteman.stages.tag.spaced_words", "gofteman.stages.tag.lemmas", "gofteman.text.zwnj")
    libraries = (*StanzaStage.libraries, "hazm")
    resources = tuple(f"models/{SHIPPED_MODELS_DIR.name}/{name}" for name in
                      ("tagger.pt", "lemmatizer.pt", "parser.pt", "pretrain.pt", VERB_STEMS_PATH.name,
                       TAG_DICTIONARY_PATH.name)) + (str(ZWNJ_LEXICON_PATH.relative_to(PROJECT_DIR)),)

    def __init__(self, models: str, device: str, precision: str, batch_size: dict[str, int], documents_per_batch: int,
                 tag_dictionary: dict, character_tags: dict, number_names: dict, progressive_auxiliary: dict,
                 negative_polarity: dict, spaced_words: dict) -> None:
        super().__init__(models, device, precision, batch_size, documents_per_batch)
        self.verb_lemmas = VerbLemmas.shipped()
        self.tag_dictionary = (TagDictionary.load(TAG_DICTIONARY_PATH, **tag_dictionary)
                               if models == MODELS_SHIPPED else None)
        self.character_tags = CharacterTags(**character_tags)
        self.context_tags = (NumberNames(**number_names), ProgressiveAuxiliary(**progressive_auxiliary))
        self.not_negative = frozenset(negative_polarity["not_negative"])
        self.spaced_words = self._spaced_words(**spaced_words)
        self.lemmatizer = CachedLemmatizer(self.pipeline.processors["lemma"])

    @staticmethod
    def _spaced_words(prefixes: list[str], suffixes: list[str], verb_endings: list[str], min_count: int) -> SpacedWords:
        return SpacedWords(frozenset(prefixes), frozenset(suffixes), frozenset(verb_endings), verb_conjugations(),
                           shipped_lexicon().counts, min_count)

    def stanza_input(self, sentence: conllu.Sentence) -> list[str]:
        # the syntactic words: multiword tokens are tagged and parsed as the words they split into,
        # without the ZWNJ a word keeps before its clitic (the models learnt normalised words);
        # a word the writer spaced apart is read whole
        return [spelling for _, spelling in self.spaced_words.groups(sentence)]

    def corrected_analysis(self, word: str, upos: str) -> Analysis | None:
        """The analysis to write instead of the tagger's, or None to keep the tagger's."""
        if settled := self.character_tags.analysis(word):
            return settled
        return self.tag_dictionary.correct(word, upos) if self.tag_dictionary else None

    def context_analyses(self, words: list) -> dict[int, Analysis]:
        """The analyses that a sentence's words' neighbours settle, by index (stanza words, as tagged)."""
        texts, upos, feats = ([w.text for w in words], [w.upos for w in words], [w.feats for w in words])
        analyses = {}
        for rule in self.context_tags:
            analyses.update(rule.corrections(texts, upos, feats))
        return analyses

    def analyse(self, sentences: list[conllu.Sentence]) -> list:
        document = Words([self.stanza_input(s) for s in sentences])
        self.pipeline.processors["pos"].process(document)
        for sentence in document.sentences:
            in_context = self.context_analyses(sentence.words)
            for index, word in enumerate(sentence.words):
                if corrected := in_context.get(index) or self.corrected_analysis(word.text, word.upos):
                    word.upos, word.xpos, word.feats = (None if value == "_" else value for value in corrected)
        self.lemmatizer.lemmatize(document)
        self.pipeline.processors["depparse"].process(document)
        return document.sentences

    def annotate(self, sentences: list[conllu.Sentence], analysed: Iterable) -> None:
        for sentence, result in zip(sentences, analysed):
            rows = sentence.words()
            groups = self.spaced_words.groups(sentence)
            for (group, _), word in zip(groups, result.words):
                row = rows[group[0]]
                row[conllu.UPOS] = _value(word.upos)
                stems = self.verb_lemmas(word.text, row[conllu.UPOS], lemma(row[conllu.FORM], word.lemma))
                # only a verb's lemma is a pair of stems: «#» elsewhere is a symbol (a hashtag)
                is_pair = row[conllu.UPOS] in VERB_UPOS and STEM_SEPARATOR in stems
                row[conllu.LEMMA] = ud_lemma(stems) if is_pair else stems
                row[conllu.MISC] = conllu.misc_set(row[conllu.MISC], MISC_ORIG_LEMMA, stems if is_pair else None)
                row[conllu.XPOS] = _value(word.xpos)
                # stanza joins the features it predicts one by one in its own order
                row[conllu.FEATS] = negative_polarity(word.text, row[conllu.UPOS], row[conllu.LEMMA],
                                                      conllu.sorted_feats(_value(word.feats)), self.not_negative)
                row[conllu.HEAD] = str(word.head)
                row[conllu.DEPREL] = ud_deprel(_value(word.deprel))
            write_goeswith(rows, groups)
