"""tokenize: sentences and words, written as CoNLL-U with the original surface in FORM.

Reads the normalised document (JSON with chunks) and writes CoNLL-U: one sentence per hazm
sentence, one token per hazm word (``WordTokenizer(join_verb_parts=False)``, which splits
punctuation as UD Persian does, but for what is re-cut here as UD PerDT writes it: a run such as
«؟!» split into one token per mark, a number such as «31/10/1917» or «۱۲٫۵» and a Latin word such
as «COVID-19» kept whole, and a number's final «.» and a hyphen, ellipsis or comma at a word's
edge split off; settings in ``schemas/tokenize.yaml``).
FORM is the original text of the token, byte for byte; the
normalised form goes to ``MISC Norm`` where it differs; the characters between tokens go to
``SpaceAfter=No`` / ``SpacesAfter`` / ``SpacesBefore`` so the document can be rebuilt exactly.
A paragraph is a line of the input. Conventions: ``schemas/conllu.md``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from gofteman import conllu
from gofteman.constants import (
    CAP_NORM,
    CAP_NORMALIZED,
    CAP_SENTENCES,
    CAP_SOURCE_META,
    CAP_SPACING,
    CAP_TOKENS,
    COMMENT_META_PREFIX,
    COMMENT_NEWDOC,
    COMMENT_NEWPAR,
    COMMENT_SENT_ID,
    COMMENT_TEXT,
    MISC_NORM,
    MISC_SPACE_AFTER,
    MISC_SPACES_AFTER,
    MISC_SPACES_BEFORE,
)
from gofteman.text.normalization import PARAGRAPH_BREAK, Chunk
from gofteman.stages.base import Stage, StageResult


@dataclass
class Token:
    start: int  # span of the original document text
    end: int
    norm: str
    sentence_end: bool = False


class Tokenize(Stage):
    name = "tokenize"
    requires = frozenset({CAP_NORMALIZED, CAP_SOURCE_META})
    provides = frozenset({CAP_SENTENCES, CAP_TOKENS, CAP_NORM, CAP_SPACING})
    output_suffix = ".conllu"
    config_file = "tokenize.yaml"
    code_modules = ("gofteman.conllu", "gofteman.text.normalization", "gofteman.text.hazm_resources")
    libraries = ("hazm",)

    def __init__(self, join_abbreviations: bool, max_sentence_tokens: int, separate_marks: str,
                 number_separators: str, number_suffixes: str, edge_marks: str, latin_word: str) -> None:
        from gofteman.text.hazm_resources import hazm

        self.words = hazm().WordTokenizer(join_verb_parts=False, join_abbreviations=join_abbreviations)
        self.separate_marks = frozenset(separate_marks)
        self.number_separators = frozenset(number_separators)
        self.number_suffixes = frozenset(number_suffixes)
        self.edge_marks = edge_marks
        self.latin_word = re.compile(latin_word)
        # hazm's sentence rule: a run of . ! ? ؟ ⸮ followed by whitespace ends a sentence
        self.sentence_end = hazm().SentenceTokenizer().pattern
        self.max_sentence_tokens = max_sentence_tokens

    def split_marks(self, words: list[str]) -> list[str]:
        """hazm's words with each run of ``separate_marks`` (dots among them) split into one word
        per mark, as UD Persian writes «!؟», and a number's final «.» or «:» split off (hazm keeps
        digits and dots together, so «۱۳۹۰.» at the end of a sentence was one word that ended no
        sentence); a run of dots (an ellipsis) stays whole. ``edge_marks`` at the start or end of a
        word with letters are split off one by one («کتاب-» -> «کتاب» «-», «گفت…» -> «گفت» «…»),
        those inside kept."""
        split = []
        for word in words:
            marks = set(word)
            number = word.rstrip(".:")
            core = word.strip(self.edge_marks)
            if len(word) > 1 and marks & self.separate_marks and marks <= self.separate_marks | {"."}:
                split.extend(word)
            elif number != word and any(char.isdigit() for char in number):
                tail = word[len(number):]
                split.extend([number, tail] if set(tail) == {"."} else [number, *tail])
            elif core != word and any(char.isalpha() for char in core):
                start = word.index(core)
                split.extend([*word[:start], core, *word[start + len(core):]])
            else:
                split.append(word)
        return split

    def join_numbers(self, pieces: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Pieces of one chunk with each run of digits, separator, digits (..., digits), and a
        suffix such as «٪» after it, joined into one: «۳۱» «/» «۱۰» «/» «۱۹۱۷» -> «۳۱/۱۰/۱۹۱۷»,
        «۵» «٪» -> «۵٪». A chunk holds no whitespace, so the run was written without spaces; spaces
        the normaliser put in it are left out."""
        joined: list[tuple[int, int, str]] = []
        index = 0
        while index < len(pieces):
            start, end, word = pieces[index]
            index += 1
            while (word[-1].isdigit() and index + 1 < len(pieces) and pieces[index][2] in self.number_separators
                   and pieces[index + 1][2].isdigit()):
                end = pieces[index + 1][1]
                word += pieces[index][2] + pieces[index + 1][2]
                index += 2
            if word[-1].isdigit() and index < len(pieces) and pieces[index][2] in self.number_suffixes:
                end = pieces[index][1]
                word += pieces[index][2]
                index += 1
            joined.append((start, end, word))
        return joined

    def join_latin_words(self, original: str, chunk: Chunk, tokens: list[Token]) -> list[Token]:
        """Tokens that together are one ``latin_word`` of the chunk's ``original`` text joined
        into one token, spelled as written: hazm and the normaliser cut «COVID-19», «G20» or
        «CoRoT-7b» at each hyphen and digit, and UD PerDT writes «CoRoT-7b» as one token."""
        for match in self.latin_word.finditer(original):
            start, end = chunk.start + match.start(), chunk.start + match.end()
            inside = [index for index, token in enumerate(tokens) if start <= token.start < end]
            if (len(inside) > 1 and tokens[inside[0]].start == start and tokens[inside[-1]].end >= end
                    and (inside[-1] + 1 == len(tokens) or tokens[inside[-1] + 1].start == end)):
                joined = Token(start, tokens[inside[-1]].end, match.group(), tokens[inside[-1]].sentence_end)
                tokens[inside[0]:inside[-1] + 1] = [joined]
        return tokens

    def chunk_tokens(self, chunk: Chunk, original: str) -> list[Token]:
        """The tokens of one chunk (``original`` is its text as written); together their spans
        cover the whole chunk."""
        pieces, cursor = [], 0
        for word in self.split_marks(self.words.tokenize(chunk.norm)):
            found = chunk.norm.find(word, cursor)
            if found < 0:  # the tokenizer rewrote the text: keep the chunk whole
                return [Token(chunk.start, chunk.end, chunk.norm)]
            pieces.append((found, found + len(word), word))
            cursor = found + len(word)
        pieces = self.join_numbers(pieces)
        tokens: list[Token] = []
        for index, (norm_start, norm_end, word) in enumerate(pieces):
            start, _ = chunk.original_span(norm_start, norm_end)
            start = chunk.start if index == 0 else chunk.start + max(start, 0)
            if tokens and start <= tokens[-1].start:  # no original characters of its own
                tokens[-1].norm += word
                continue
            if tokens:
                tokens[-1].end = start
            tokens.append(Token(start, chunk.end, word))
        if tokens:
            last = tokens[-1]
            last.sentence_end = bool(self.sentence_end.fullmatch(last.norm + " "))
        return self.join_latin_words(original, chunk, tokens)

    def process(self, doc_id: str, artifact: str) -> StageResult:
        document = json.loads(artifact)
        text: str = document["text"]
        warnings: list[str] = []
        paragraphs: list[list[list[Token]]] = []  # paragraphs of sentences of tokens
        previous_end = 0
        for row in document["chunks"]:
            chunk = Chunk.from_json(row)
            tokens = self.chunk_tokens(chunk, text[chunk.start:chunk.end])
            if not tokens:
                continue  # normalised away entirely: its characters stay in the gap
            if not paragraphs or PARAGRAPH_BREAK.search(text, previous_end, tokens[0].start):
                paragraphs.append([[]])
            sentences = paragraphs[-1]
            for token in tokens:
                if len(sentences[-1]) >= self.max_sentence_tokens:
                    warnings.append(f"sentence {doc_id}-{sum(map(len, paragraphs))} cut after "
                                    f"{self.max_sentence_tokens} tokens")
                    sentences.append([])
                sentences[-1].append(token)
                if token.sentence_end:
                    sentences.append([])
            previous_end = tokens[-1].end
        sentences = [sentence for paragraph in paragraphs for sentence in paragraph if sentence]
        new_paragraph = {id(paragraph[0]) for paragraph in paragraphs if paragraph and paragraph[0]}
        output = self.to_conllu(doc_id, document, sentences, new_paragraph)
        return StageResult(conllu.format_sentences(output), warnings)

    def to_conllu(self, doc_id: str, document: dict, sentences: list[list[Token]],
                  new_paragraph: set[int]) -> list[conllu.Sentence]:
        text: str = document["text"]
        flat = [token for sentence in sentences for token in sentence]
        result = []
        position = 0
        for number, tokens in enumerate(sentences, 1):
            sentence = conllu.Sentence()
            if number == 1:
                sentence.set_comment(COMMENT_NEWDOC, doc_id)
                for key, value in document["meta"].items():
                    sentence.set_comment(COMMENT_META_PREFIX + key, value)
            if id(tokens) in new_paragraph:
                sentence.set_comment(COMMENT_NEWPAR, None)
            sentence.set_comment(COMMENT_SENT_ID, f"{doc_id}-{number}")
            for index, token in enumerate(tokens, 1):
                misc: list[tuple[str, str]] = []
                if position == 0 and token.start > 0:
                    misc.append((MISC_SPACES_BEFORE, conllu.escape_misc_value(text[: token.start])))
                position += 1
                following = flat[position].start if position < len(flat) else len(text)
                gap = text[token.end : following]
                if not any(char.isspace() for char in gap):
                    misc.append((MISC_SPACE_AFTER, "No"))
                if gap not in ("", " "):
                    misc.append((MISC_SPACES_AFTER, conllu.escape_misc_value(gap)))
                form = text[token.start : token.end]
                if token.norm != form:
                    misc.append((MISC_NORM, conllu.escape_misc_value(token.norm)))
                sentence.rows.append([str(index), form, "_", "_", "_", "_", "_", "_", "_",
                                      conllu.format_misc(sorted(misc))])
            sentence.set_comment(COMMENT_TEXT, sentence.text)
            result.append(sentence)
        return result
