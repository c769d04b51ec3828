"""speakers: who says each sentence, and whether in direct or indirect speech.

Reads tagged CoNLL-U with entities and writes, on every sentence that reports someone's words,
``# speaker = NAME`` (the fullest name of the person or body in the document, without
honorifics) and ``# speech = direct|indirect``; narration gets neither. In MISC, the words of the
speech cue get ``Speech=Cue`` and the words of the speaker's mention ``Speaker=Mention``. When the
input's metadata has no ``speakers``, ``# meta::speakers`` lists the document's speakers.
Guidelines: ../shared/guidelines/speakers.md.

How: a speech cue is a speech verb («گفت»، «افزود») in any tense, aspect and mood but the
speaker's own first or second person, subjunctive or imperative («گفته است»، «می‌گوید»، «گفته
بود»), a noun or adjective with its light verb or copula («اظهار داشت»، «معتقد است»; of some,
«خواستار ... شد», the verb a few words on) from ``schemas/speakers.yaml``, or a marker («به گفته
X»، «به نوشته X»). The speaker is the cue's subject in the dependency tree, widened over its
``flat``, ``compound``, ``appos``, ``nmod``, ``amod``, ``det`` and ``nummod`` words; a person named
there (PER) is the speaker, resolved to the fullest name of the document that ends in the same
surname, unless the name is the place or body of a title («فرماندار نیر»); a source described,
never named («یک تلویزیون محلی»، «منابع آگاه»), is the description as written; «وی», «او» or no
subject at all is the last speaker of the document, or the person a narrated sentence before was
about; an unresolvable one leaves the sentence without a speaker. Where the parse gives no
subject, the first person named before the cue is the speaker, but never one in an object, nor,
where the verb has a subject, one in a prepositional phrase. A cue followed by a colon is direct
speech, and the quotation goes on over the next sentences of the paragraph until another cue or
the reporter's narration («به گزارش ...»); a quotation opened with a guillemet after the cue goes on,
whatever it holds, to its closing one (or the paragraph's end), after which the narration
resumes. A headline of the form «X: ...» is X's direct speech.
"""

from __future__ import annotations

from dataclasses import dataclass

from gofteman import conllu
from gofteman.constants import (
    CAP_NER,
    CAP_SPEAKERS,
    CAP_TREE,
    COLONS,
    COMMENT_META_PREFIX,
    COMMENT_NEWPAR,
    COMMENT_SPEAKER,
    COMMENT_SPEECH,
    DATELINE_DASHES,
    MISC_SPEAKER,
    MISC_SPEECH,
    SENTENCE_END_MARKS,
    SPEECH_DIRECT,
    SPEECH_INDIRECT,
    ZWNJ,
)
from gofteman.stages.base import Stage, StageConfigError, StageResult
from gofteman.stages.speakers.cues import CueFinder, main_cue, mention, word_heads
from gofteman.stages.speakers.positions import QUOTE_OPEN, in_subject_position, quote_balance
from gofteman.stages.speakers.names import DocumentNames, Honorifics, entity_spans

#: How far into the subject a person's name still names the speaker («مدیرعامل سازمان، دکتر X»)
NAME_WINDOW = 6
#: How many ezafe steps up from a name a title may be, that the name is the title's place or body
TITLE_REACH = 4
META_SPEAKERS = "speakers"


@dataclass
class Attribution:
    speaker: str | None
    speech: str | None
    cue: list[int]
    mention: list[int]


class Speakers(Stage):
    name = "speakers"
    requires = frozenset({CAP_TREE, CAP_NER})
    provides = frozenset({CAP_SPEAKERS})
    output_suffix = ".conllu"
    config_file = "speakers.yaml"
    code_modules = ("gofteman.conllu", "gofteman.labels", "gofteman.stages.speakers.cues",
                    "gofteman.stages.speakers.names", "gofteman.stages.speakers.positions")

    def __init__(self, speech_verbs: list, speech_phrases: dict, speech_markers: list, honorifics: list,
                 pronouns: list, demonstratives: list, body_nouns: list, narration_openers: list,
                 title_nouns: list, description_ends: list, source_openers: list, speech_phrases_apart: list) -> None:
        if not speech_verbs or not all(isinstance(v, list) and v for v in speech_phrases.values()):
            raise StageConfigError("speakers.yaml: speech_verbs and every speech_phrases entry need at least one verb")
        self.cues = CueFinder(frozenset(speech_verbs),
                              {tuple(noun.split()): frozenset(verbs) for noun, verbs in speech_phrases.items()},
                              [tuple(marker) for marker in speech_markers], frozenset(speech_phrases_apart))
        if unknown := set(speech_phrases_apart) - set(speech_phrases):
            raise StageConfigError(f"speakers.yaml: speech_phrases_apart lists {', '.join(sorted(unknown))}, "
                                   "which speech_phrases does not")
        self.honorifics = Honorifics(honorifics)
        self.pronouns = frozenset(pronouns)
        self.demonstratives = frozenset(demonstratives)
        self.narration_openers = [tuple(opener) for opener in narration_openers]
        self.title_nouns = frozenset(word.replace(ZWNJ, "") for word in title_nouns)
        self.body_nouns = frozenset(word.replace(ZWNJ, "") for word in body_nouns)
        self.description_ends = frozenset(description_ends)
        self.source_openers = frozenset(word.replace(ZWNJ, "") for word in source_openers)

    def is_title(self, word: str) -> bool:
        """A title noun, written with or without a ZWNJ («مدیر‌کل» = «مدیرکل»)."""
        return word.replace(ZWNJ, "") in self.title_nouns

    def points_back(self, words: list[str], mention: list[int]) -> bool | None:
        """Whether the mention refers back to the last speaker: a pronoun («وی»), or a
        demonstrative («این مسئول», «این فعال دانشجویی»). None for a demonstrative before a
        word for a body, a medium or a document («این مجله», «این وزارتخانه», «این بیانیه»):
        never the last person who spoke."""
        if not mention:
            return False
        first = words[mention[0]]
        if first in self.pronouns:
            return True
        if first not in self.demonstratives:
            return False
        noun = words[mention[1]].replace(ZWNJ, "") if len(mention) > 1 else ""
        return None if noun in self.body_nouns else True

    def description(self, words: list[str], mention: list[int], honorific: set[int]) -> list[str]:
        """The mention as written, from its first word (a title's «در» and «از» included) to
        its last or to a preposition no title uses, honorifics left out."""
        described = []
        for i in range(mention[0], mention[-1] + 1) if mention else ():
            if words[i] in self.description_ends and described:
                break
            if i not in honorific and any(c.isalpha() for c in words[i]):
                described.append(words[i])
        return described

    def of_a_title(self, sentence: conllu.Sentence, start: int, end: int, places: frozenset[str] = frozenset()) -> bool:
        """Whether a name is the ezafe dependent of a title («استاندار گلستان»، «رئیس دانشگاه ...
        واحد آیت‌الله آملی»), or a word of ``places`` (the document's place names) just after one
        («فرماندار نیر»): the place or body the office is of, not the person who holds it."""
        rows, heads, words = sentence.words(), word_heads(sentence), sentence.normalized_words()
        if end - start == 1 and words[start] in places and start > 0 and self.is_title(words[start - 1]):
            return True
        head = next((i for i in range(start, end) if not start <= heads[i] < end), start)
        bodies = {i for s, e, label in entity_spans(sentence) if label in ("ORG", "LOC") for i in range(s, e)}
        steps = 0
        # up the ezafe, or out of a body named after a person («واحد آیت‌الله آملی»)
        while (rows[head][conllu.DEPREL].startswith("nmod") or heads[head] in bodies) and 0 <= heads[head] != head \
                and steps < TITLE_REACH:
            head, steps = heads[head], steps + 1
            if self.is_title(words[head]):
                return True
        return False

    # --- one sentence -----------------------------------------------------------------------
    def speaker_of(self, sentence: conllu.Sentence, mention: list[int], cue: list[int], names: DocumentNames,
                   last: str | None, same_story: bool) -> tuple[str | None, list[int]]:
        """The speaker and the words that name it: a person named at the head of the mention; a
        title the document writes beside a name; else the first person named before the cue
        (fullest names); a pronoun's, a «این ...» description's or a missing subject's antecedent
        (the last speaker); a name the NER model missed; a body (ORG); a title as written; or,
        for a common noun parsed as the subject, the last speaker. ``same_story``: no headline
        came since the last speaker spoke, so a title or a missing subject may still be him."""
        words = sentence.normalized_words()
        entities = entity_spans(sentence)
        honorific = self.honorifics.positions(words)
        # an entity that is only an honorific («حجت الاسلام» tagged apart from the name) is no one
        people = [(s, e) for s, e, label in entities
                  if label == "PER" and any(i not in honorific for i in range(s, e))
                  and not self.of_a_title(sentence, s, e, names.places)]
        # a person named at the head of the mention, not one named inside its clauses
        head = set(mention[:NAME_WINDOW])
        chosen = next(((s, e) for s, e in people if set(range(s, e)) & head), None)
        described = self.description(words, mention, honorific)
        if chosen is None and described and self.is_title(described[0]):
            if (person := names.resolve(described)) != " ".join(described):
                return person, mention
        # the parse found no subject that names or points to someone: the first person named
        # before the cue («... علی‌محمد فلاحی ... اظهار داشت»)
        points_back = self.points_back(words, mention)
        if points_back is False and not mention and words and words[0] in self.pronouns:
            points_back = True  # «وی ...» the parser left without a relation to the verb
        titled = bool(described) and self.is_title(described[0])
        sourced = bool(described) and described[0].replace(ZWNJ, "") in self.source_openers
        if chosen is None and mention and (sourced or titled):
            # «اسکار مون‌تابالان، یکی از اعضای ...»: the name in apposition just before the description
            chosen = next(((s, e) for s, e in people if mention[0] - 2 <= e <= mention[0]
                           and all(words[i] in ("،", ",") for i in range(e, mention[0]))), None)
        if chosen is None and cue[0] > 0 and not points_back and not titled and not sourced:
            # a person in an object is never the speaker; where the verb has a subject of its
            # own, neither is one in a prepositional phrase
            opener_end = self.opener_end(words)
            before = [(s, e) for s, e in people
                      if e <= cue[0] and in_subject_position(sentence, s, e, opener_end, prepositions=bool(mention))]
            chosen = before[0] if before else None
        if chosen:  # every person of ``people`` has a word that is not an honorific
            return names.fullest([words[i] for i in range(*chosen) if i not in honorific]), list(range(*chosen))
        if points_back:
            return last, mention  # «وی», «او», or a description that points back: «این مسئول»
        if points_back is None:
            return None, []  # «این مجله»: a body or a thing the document named before
        if not mention:
            return (last if same_story else None), mention
        rows = sentence.words()
        named = []  # a name the NER model missed: the proper nouns the mention starts with
        for i in mention:
            if i in honorific and not named:
                continue
            if rows[i][conllu.UPOS] != "PROPN" or self.is_title(words[i]):
                break
            named.append(i)
        if named and not any(s <= named[0] < e for s, e, label in entities if label in ("ORG", "LOC")):
            return names.fullest([words[i] for i in named]), named
        if (person := names.resolve(described)) != " ".join(described):
            return person, mention
        for start, end, label in entities:  # a body that speaks: the mention starts with its name
            if label == "ORG" and start <= mention[0] < end:
                return " ".join(words[start:end]), list(range(start, end))
            # a state named by its country alone («روسیه ... خبر داد», «عربستان گفته است»), not
            # the place of a dateline («تهران - ایرنا - ...»)
            if label == "LOC" and start <= mention[0] and mention[-1] < end and \
                    (end == len(words) or words[end] not in DATELINE_DASHES):
                return " ".join(words[start:end]), list(range(start, end))
        if sourced:
            return " ".join(described), mention  # a source described, never named: as written
        if described and self.is_title(described[0]):
            # a title the document never writes beside a name: news reports alternate the
            # speaker's name, «وی» and his title, so it is the last person who spoke
            if last and last in names.full_names and same_story:
                return last, mention
            return " ".join(described), mention
        return last, []  # a common noun parsed as the subject: the last speaker goes on

    def headline(self, sentence: conllu.Sentence, names: DocumentNames,
                 subtitle: bool = False) -> tuple[str, list[int]] | None:
        """«X: ...» as a document's first sentence, or (``subtitle``) as the first of a later
        paragraph: X's name and words, if X names someone. A sub-title's X has no verb and is a
        person or opens with a title noun («معاون فرهنگی سازمان: ...»), so a label («نکته: ...»)
        or a clause is no speaker."""
        words = sentence.normalized_words()
        colon = next((i for i, w in enumerate(words) if w in COLONS), None)
        if colon is None or colon == 0 or colon > 12:
            return None
        if subtitle:
            rows = sentence.words()
            if any(rows[i][conllu.UPOS] in ("VERB", "AUX") for i in range(colon)):
                return None
            first = next(iter(self.honorifics.kept(words, range(colon))), "")
            if not self.is_title(first) and not any(
                    label == "PER" and end <= colon for _, end, label in entity_spans(sentence)):
                return None
        for start, end, label in entity_spans(sentence):
            if label == "PER" and end <= colon:
                name = self.honorifics.kept(words, range(start, end))
                return names.fullest(name), list(range(start, end))
        before = self.honorifics.kept(words, range(colon))
        return (names.resolve(before), list(range(colon))) if before else None

    # --- the document -----------------------------------------------------------------------
    def attribute(self, sentences: list[conllu.Sentence]) -> list[Attribution]:
        names = DocumentNames(sentences, self.honorifics, self.is_title, self.of_a_title)
        last: str | None = None
        quoting: str | None = None  # a direct quotation that goes on to the paragraph's end
        quoted: str | None = None  # a quotation in «» that goes on to its closing mark
        same_story = True  # no headline since the last speaker spoke
        result = []
        for number, sentence in enumerate(sentences):
            words = sentence.normalized_words()
            balance = quote_balance(words)
            if sentence.comment(COMMENT_NEWPAR) is not None:
                quoting = quoted = None  # unbalanced marks end at the paragraph
            if quoted:
                # inside «»: the speaker's words, whatever verb of saying they hold, to the closing mark
                result.append(Attribution(quoted, SPEECH_DIRECT, [], []))
                if balance < 0:
                    quoted = quoting = None  # the narration resumes after the closing mark
                continue
            if result:
                # a headline (no end mark) opens a new story, in a feed of several, unless it
                # names its speaker
                previous = sentences[number - 1].normalized_words()
                if not previous or (previous[-1] not in SENTENCE_END_MARKS and previous[-1] not in COLONS):
                    same_story = result[-1].speaker is not None and result[-1].speaker == last
                elif result[-1].speaker is not None:
                    same_story = True
            opening = number == 0 or sentence.comment(COMMENT_NEWPAR) is not None
            found = self.headline(sentence, names, subtitle=number > 0) if opening else None
            cues = self.reported_cues(sentence)
            colon = next((i for i, w in enumerate(words) if w in COLONS), len(words))
            if found and cues and main_cue(sentence, cues)[0][0] > colon and \
                    (quoted_headline := self.headline(sentence, names, subtitle=True)):
                # «کولایی: لغو سخنرانی ... را یادآوری می‌کند»: a person's or a title's headline,
                # whose speech verb is in the quoted words (not a site's name: «انتخاب: ... گفت»)
                last = names.last = quoted_headline[0]
                result.append(Attribution(quoted_headline[0], SPEECH_DIRECT, [], quoted_headline[1]))
            elif cues:
                cue, verb = main_cue(sentence, cues)
                words_of_mention = mention(sentence, cue, verb)
                speaker, words_of_mention = self.speaker_of(sentence, words_of_mention, cue, names, last,
                                                            same_story)
                after = words[cue[-1] + 1:]
                opens_quote = QUOTE_OPEN in after[:3] or (QUOTE_OPEN in after and any(w in COLONS for w in after))
                direct = any(w in COLONS for w in after) or opens_quote
                if quoting and (speaker not in names.full_names | {last} or not (words_of_mention or direct)):
                    # a speech verb inside a quotation reports whom the speaker quotes
                    # («می‌گفتند»): the sentence stays the speaker's unless a named person or
                    # «وی» takes over, or a new quotation opens with a colon
                    result.append(Attribution(quoting, SPEECH_DIRECT, [], []))
                    continue
                speech = SPEECH_DIRECT if direct else SPEECH_INDIRECT
                state = words_of_mention and any(label == "LOC" and start <= words_of_mention[0] < end
                                                 for start, end, label in entity_spans(sentence))
                if speaker and not state:  # «وی» after «روسیه ... اعلام کرد» is still the last person
                    last = names.last = speaker
                quoting = speaker if direct else None
                if opens_quote:  # a quotation in «»: on past the sentence while a mark stays open
                    quoted = speaker if balance > 0 else None
                    quoting = None if balance <= 0 else quoting
                result.append(Attribution(speaker, speech if speaker else None, cue,
                                          words_of_mention if speaker else []))
            elif self.is_narration(words):
                quoting = None
                result.append(Attribution(None, None, [], []))
                last = self.narrated_subject(sentence, names) or last
            elif quoting:
                result.append(Attribution(quoting, SPEECH_DIRECT, [], []))
                if balance < 0:
                    quoting = None
            elif found:
                last = names.last = found[0]
                result.append(Attribution(found[0], SPEECH_DIRECT, [], found[1]))
            else:
                result.append(Attribution(None, None, [], []))
                last = self.narrated_subject(sentence, names) or last
        return self.named_later(result, names)

    def is_narration(self, words: list[str]) -> bool:
        return any(tuple(words[:len(opener)]) == opener for opener in self.narration_openers)

    def opener_end(self, words: list[str]) -> int:
        """The index of the comma that ends the reporter's opening («به گزارش فارس از شیراز،»),
        or -1 where the sentence opens otherwise."""
        if not self.is_narration(words):
            return -1
        return next((i for i, w in enumerate(words) if w in ("،", ",")), -1)

    def reported_cues(self, sentence: conllu.Sentence) -> list[tuple[list[int], int]]:
        """The sentence's speech cues, less a marker in the reporter's own opening («به گزارش
        فارس به نقل از روابط عمومی ...، X ...»): the source of the report, not a speaker."""
        opener_end = self.opener_end(sentence.normalized_words())
        return [(cue, verb) for cue, verb in self.cues.find(sentence) if verb != -1 or cue[0] > opener_end]

    def narrated_subject(self, sentence: conllu.Sentence, names: DocumentNames) -> str | None:
        """The person a narrated sentence is about, the subject of its main verb («محسن نصیری
        در بازدید از ... حضور یافت»), whom a «وی» in the next sentence refers to; None if none."""
        rows, heads = sentence.words(), word_heads(sentence)
        words = sentence.normalized_words()
        honorific = self.honorifics.positions(words)
        root = next((i for i, head in enumerate(heads) if head == -1), None)
        opener_end = self.opener_end(words)
        for start, end, label in entity_spans(sentence):
            if label != "PER" or root is None or self.of_a_title(sentence, start, end, names.places):
                continue
            head = next((i for i in range(start, end) if not start <= heads[i] < end), start)
            subject = heads[head] == root and rows[head][conllu.DEPREL] in ("nsubj", "nsubj:pass")
            # «به گزارش فارس به نقل از ...، محسن نصیری در بازدید ...»: the first name after the opening
            after_opening = 0 <= opener_end < start and in_subject_position(sentence, start, end, opener_end)
            if (subject or after_opening) and (name := [words[i] for i in range(start, end) if i not in honorific]):
                return names.fullest(name)
        return None

    def named_later(self, result: list[Attribution], names: DocumentNames) -> list[Attribution]:
        """A speaker first described by title («مدیرعامل پالایشگاه ... گفت») and named by the
        next speech cue of the document («غلامحسین رمضان‌پور ... اظهار داشت») is that person."""
        pending: list[int] = []
        for index, attribution in enumerate(result):
            speaker = attribution.speaker
            if speaker is None or not attribution.cue:
                continue
            if speaker in names.full_names:
                for earlier in pending:
                    title = result[earlier].speaker
                    for item in result[earlier:index]:
                        if item.speaker == title:
                            item.speaker = speaker
                pending = []
            elif self.is_title(speaker.split()[0]):
                pending.append(index)
        return result

    def process(self, doc_id: str, artifact: str) -> StageResult:
        sentences = conllu.parse(artifact, f"{doc_id}.conllu")
        attributions = self.attribute(sentences)
        for sentence, attribution in zip(sentences, attributions):
            for key, value in ((COMMENT_SPEAKER, attribution.speaker), (COMMENT_SPEECH, attribution.speech)):
                sentence.comments = [c for c in sentence.comments if c.removeprefix(" ").partition(" = ")[0] != key]
                if value:
                    sentence.set_comment(key, value)
            for index, row in enumerate(sentence.words()):
                row[conllu.MISC] = conllu.misc_set(row[conllu.MISC], MISC_SPEECH, "Cue" if index in attribution.cue else None)
                row[conllu.MISC] = conllu.misc_set(row[conllu.MISC], MISC_SPEAKER,
                                                   "Mention" if index in attribution.mention else None)
        if sentences and sentences[0].comment(COMMENT_META_PREFIX + META_SPEAKERS) is None:
            names = list(dict.fromkeys(a.speaker for a in attributions if a.speaker))
            if names:
                add_meta(sentences[0], META_SPEAKERS, "; ".join(names))
        return StageResult(conllu.format_sentences(sentences))


def add_meta(sentence: conllu.Sentence, key: str, value: str) -> None:
    """Adds ``# meta::key = value`` among the sentence's metadata comments, keys in order."""
    line = f" {COMMENT_META_PREFIX}{key} = {value}"
    metas = [i for i, c in enumerate(sentence.comments) if c.startswith(f" {COMMENT_META_PREFIX}")]
    position = next((i for i in metas if sentence.comments[i] > line), (metas[-1] + 1) if metas else 1)
    sentence.comments.insert(position, line)
