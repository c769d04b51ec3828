"""The clause around a frame cue, read from the dependency tree: its predicate, whether that
predicate is negated, and whether it makes a realized claim.

The predicate of a cue is the nearest word up the tree that heads a clause: a verb, or a word
with an auxiliary or copula (``روشن است``, ``افتتاح شد`` through ``compound:lvc``). Its clause
words are the predicate and its auxiliaries and copula, where Persian marks tense, mood,
modality and negation (``نخواهیم دید``, ``باید برسیم``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from gofteman.constants import QUESTION_MARKS, SENTENCE_END_MARKS
from gofteman.text.hazm_resources import verb_conjugations

CLAUSE_DEPENDENTS = frozenset({"aux", "aux:pass", "cop"})
#: the relations by which a modal verb governs the clause it modalises («می‌تواند ... بیاورد»)
MODAL_COMPLEMENTS = frozenset({"xcomp", "ccomp"})
IMPERFECTIVE_PREFIX = "می"
#: The lemma of «داشتن» (to have), whose present states a thing held.
HAVE_LEMMA = "داشت"
#: «هست» (is), a present written as a past stem would be
PRESENT_IS = "هست"
#: The lemma of «شدن», the auxiliary of the passive.
PASSIVE_AUXILIARY_LEMMA = "شد"
#: The prefixes a subjunctive or an imperative may carry before the present stem: «بـ» («برسیم»),
#: «بیـ» before «آ» («بیاورد»), the negative «نـ» («نکند»), and «نیـ» («نیاورد»).
SUBJUNCTIVE_PREFIXES = ("بی", "نی", "ب", "ن", "")
#: The forms of «بودن» on its stem «باش», all subjunctive or imperative («موفق باشید»).
BE_SUBJUNCTIVE_STEMS = ("باش", "نباش")
#: the conjunctions of a condition: a claim under «اگر» is not made
CONDITION_MARKERS = frozenset({"اگر", "چنانچه", "درصورتی‌که", "درصورتیکه", "هرگاه"})


@dataclass(frozen=True)
class ClauseCues:
    """The words a clause's claim is read from (rules.yaml): ``modals`` of duty or possibility
    (lemmas and forms), and ``future_times``, adverbs of time to come (آینده، به‌زودی) that make a
    present indicative a future, as Persian often says it («سال آینده افتتاح می‌شود»)."""

    modals: frozenset[str]
    future_times: frozenset[str]


def is_passive_participle(token: Token) -> bool:
    """A passive participle that a form of «شدن» governs (``xcomp``, as PerDT writes the passive:
    «ساخته می‌شود», «تحویل داده نشد»), where the tense, the mood and the negation are those of «شدن»."""
    return (token.pos_ == "VERB" and token.dep_ == "xcomp" and "Pass" in token.morph.get("Voice")
            and token.head.i != token.i and token.head.lemma_ == PASSIVE_AUXILIARY_LEMMA)


def predicate(token: Token) -> Token:
    """The head of the clause ``token`` belongs to (the root when none is found on the way); of
    a passive, the form of «شدن» (``is_passive_participle``)."""
    while True:
        if (token.pos_ == "AUX" and token.dep_ in CLAUSE_DEPENDENTS) or is_passive_participle(token):
            token = token.head
            continue
        if token.pos_ == "VERB" or any(child.dep_ in CLAUSE_DEPENDENTS for child in token.children):
            return token
        if token.head.i == token.i:
            return token
        token = token.head


def clause_span(token: Token) -> set[int]:
    """The indices of the clause ``token`` belongs to: its predicate's subtree (the clauses
    that predicate governs included, the clause that governs it not)."""
    return {word.i for word in predicate(token).subtree}


def clause_words(head: Token) -> list[Token]:
    return [head, *(child for child in head.children if child.dep_ in CLAUSE_DEPENDENTS)]


def is_negative(word: Token) -> bool:
    """``Polarity=Neg`` (the tag stage adds it where the tagger leaves it off a verb with the
    negative prefix: ``negative_polarity`` in ``gofteman.stages.tag.verb_lemmas``)."""
    return "Neg" in word.morph.get("Polarity")


def is_participle(word: Token) -> bool:
    """``VerbForm=Part``, or a verb written as its past stem plus «ه» («کرده», «رسیده‌اند»), which the
    tagger leaves unmarked where the auxiliary is elided."""
    if "Part" in word.morph.get("VerbForm"):
        return True
    return word.pos_ in ("VERB", "AUX") and bool(word.lemma_) and word.norm_.startswith(word.lemma_ + "ه")


def is_bare_past(word: Token) -> bool:
    """A verb written as the bare past stem of a verb of hazm's list («آورد», «یافت») that the
    tagger left without Tense: the past third singular, which it is in 447 of the 460 such verbs of
    UD PerDT dev (the rest are mostly «هست», the present «is»)."""
    if word.pos_ != "VERB" or word.morph.get("Tense") or word.morph.get("Mood") or word.norm_ == PRESENT_IS:
        return False
    return verb_conjugations().get(word.norm_, "").startswith(word.norm_ + "#")


def is_subjunctive(word: Token) -> bool:
    """A subjunctive or an imperative the tagger marks neither by Mood nor by Tense, as UD PerDT
    writes most of them (147 of the 173 verbs of its dev file with «بـ» before a present stem; 25
    more are Mood=Imp): the present stem with a personal ending and no «می» («برسیم», «تلاش کنیم»,
    «نکند»), or a form of «باش». The present of «داشتن» («دارد»), which takes no «می», is none."""
    if word.pos_ not in ("VERB", "AUX") or any(word.morph.get(f) for f in ("Tense", "Mood", "VerbForm")):
        return False
    form = word.norm_
    if form.startswith(BE_SUBJUNCTIVE_STEMS):
        return True
    if word.lemma_ == HAVE_LEMMA or form.startswith(IMPERFECTIVE_PREFIX):
        return False
    past, _, present = verb_conjugations().get(form, "").partition("#")
    if not present:
        return False
    for prefix in SUBJUNCTIVE_PREFIXES:
        rest = form[len(prefix):]
        if form.startswith(prefix) and rest.startswith(present) and (prefix or not rest.startswith(past)):
            return True
    return False


def is_negated(span: Span, negators: set[int]) -> bool:
    """The cue's clause is negative (a word of it is: ``is_negative``), or a negator word
    (``negators``: token indices) depends on the cue or on its predicate."""
    head = predicate(span.root)
    if any(is_negative(word) for word in clause_words(head)):
        return True
    if any(is_negative(word) for word in span):
        return True
    attached = [*span.root.children, *head.children, *span]
    return any(word.i in negators for word in attached)


def future_time(head: Token, future_times: frozenset[str]) -> Token | None:
    """The adverb of time to come in the clause of ``head`` («سال آینده»، «به‌زودی»), where its
    predicate is a present indicative, which it then makes a future; None otherwise. Only words
    of the clause itself count, not of a clause it governs."""
    words = clause_words(head)
    if not any("Pres" in word.morph.get("Tense") for word in words):
        return None
    if any(mood in ("Sub", "Imp") for word in words for mood in word.morph.get("Mood")):
        return None
    return next((word for word in head.subtree if word.norm_ in future_times and predicate(word).i == head.i), None)


def is_modal(word: Token, modals: frozenset[str]) -> bool:
    """A modal of possibility or duty (``modals``: lemmas and forms). «توانستن» in the simple
    past or the perfect, positive, is no modal but a deed: «توانستند ... کنند», «توانسته‌ایم ...
    کنیم» are «they managed to», «we have managed to»."""
    if word.lemma_ not in modals and word.norm_ not in modals:
        return False
    done = (("Past" in word.morph.get("Tense") or is_participle(word)) and "Imp" not in word.morph.get("Aspect")
            and not word.norm_.startswith(IMPERFECTIVE_PREFIX))
    return not (done and not is_negative(word))


def unrealized(span: Span, cues: ClauseCues) -> str | None:
    """Why the cue's clause is no claim of something done or under way (future, subjunctive,
    imperative, modal, a condition, a question), or None when it is one. A modal verb that governs
    the clause counts too («می‌تواند ... حاصل بیاورد», «نتوانستند ... تکرار کنند»)."""
    modals = cues.modals
    head = predicate(span.root)
    words = clause_words(head)
    if time := future_time(head, cues.future_times):
        return f"the clause of «{head.text}» speaks of the future («{time.text}»)"
    for word in words:
        if "Fut" in word.morph.get("Tense"):
            return f"the clause of «{head.text}» is in the future («{word.text}»)"
        if word.morph.get("Mood") and word.morph.get("Mood")[0] in ("Sub", "Imp"):
            return f"the clause of «{head.text}» is {'subjunctive' if 'Sub' in word.morph.get('Mood') else 'imperative'} («{word.text}»)"
        if is_subjunctive(word):
            return f"the clause of «{head.text}» is subjunctive or imperative («{word.text}»)"
        if is_modal(word, modals):
            return f"the clause of «{head.text}» is modal («{word.text}»)"
    if condition := next((child for child in head.children
                          if child.dep_ == "mark" and child.norm_ in CONDITION_MARKERS), None):
        return f"the clause of «{head.text}» is a condition («{condition.text}»)"
    governor = head.head
    if head.dep_ in MODAL_COMPLEMENTS and governor.i != head.i and is_modal(governor, modals):
        return f"the clause of «{head.text}» depends on the modal «{governor.text}»"
    if any(word.text in QUESTION_MARKS for word in span.doc):
        return "the sentence is a question"
    return None


def in_past_or_perfect(words: list[Token]) -> bool:
    """Whether a clause's words put it in the past or the perfect; the past copula «بود» often
    comes without Tense (شاهد ... بودیم)."""
    return any("Past" in w.morph.get("Tense") or is_participle(w) or is_bare_past(w)
               or (w.dep_ == "cop" and w.norm_.startswith("بود")) for w in words)


def is_verbless(doc: Doc) -> bool:
    """A headline: a sentence with no verb or auxiliary and no full stop at its end, which in the
    news style names an event by its noun («افتتاح ۶۳ پروژه عمرانی در بویراحمد») and reports it as
    having happened. A sentence that ends in a full stop is a body sentence, where a missing verb
    is more likely the tagger's error («... را شکست.», the verb read as the noun)."""
    if len(doc) and doc[-1].text in SENTENCE_END_MARKS:
        return False
    return not any(word.pos_ in ("VERB", "AUX") for word in doc)


def headline_future(doc: Doc, cues: ClauseCues) -> str | None:
    """Why a verbless sentence speaks of an event to come (an adverb of time to come: «افتتاح
    ۴۰ پروژه به‌زودی»), or None: it reports one that happened."""
    time = next((word for word in doc if word.norm_ in cues.future_times), None)
    return f"the verbless sentence speaks of the future («{time.text}»)" if time else None


def not_done(span: Span, cues: ClauseCues) -> str | None:
    """Why the cue's clause is no claim of something already done (besides ``unrealized``: its
    predicate is not in the past or the perfect, so a plan or a forecast in the present), or None."""
    reason = unrealized(span, cues)
    if reason:
        return reason
    if is_verbless(span.doc):
        return headline_future(span.doc, cues)
    head = predicate(span.root)
    if in_past_or_perfect(clause_words(head)):
        return None
    return f"the clause of «{head.text}» is not in the past or the perfect"


def not_held(span: Span, cues: ClauseCues) -> str | None:
    """Why the cue's clause claims neither something done nor a state held now, or None. A
    present of «داشتن» states what is had («۴ درصد رشد داریم», «رتبه اول کشور را دارد»), where a
    present of another verb is a habit or a forecast."""
    reason = unrealized(span, cues)
    if reason:
        return reason
    if is_verbless(span.doc):
        return headline_future(span.doc, cues)
    head = predicate(span.root)
    words = clause_words(head)
    if in_past_or_perfect(words) or any(word.lemma_ == HAVE_LEMMA and "Pres" in word.morph.get("Tense")
                                        and not word.norm_.startswith(IMPERFECTIVE_PREFIX) for word in words):
        return None
    return f"the clause of «{head.text}» is not in the past, the perfect or a present of «داشتن»"


def not_future(span: Span, cues: ClauseCues) -> str | None:
    """Why the cue's clause speaks of no future (its predicate has no future tense, nor is it a
    present with an adverb of time to come), or None."""
    head = predicate(span.root)
    if any("Fut" in word.morph.get("Tense") for word in clause_words(head)):
        return None
    if future_time(head, cues.future_times):
        return None
    return f"the clause of «{head.text}» is not in the future"


#: Light verbs whose object is the thing changed («تولید را افزایش دادیم»); with the others
#: («افزایش یافت»، «رشد داشت»، «کاهش پیدا کرد») the subject is.
TRANSITIVE_LIGHT_VERBS = frozenset({"داد", "بخشید"})
#: Relations that do not widen the theme's phrase (its ezafe nouns, adjectives, conjuncts and
#: the words the tagger mistakes for verbs do: «نرخ بیکاری»، «تولید و صادرات»، «میزان برداشت گندم»)
NOT_THEME_RELATIONS = frozenset({"punct", "case", "cc", "mark", "det", "cop", "aux", "advcl", "ccomp", "acl:relcl"})
THEME_PHRASE_DEPTH = 3
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})


def change_theme(cue: Token) -> list[Token]:
    """The words naming the thing that grows or declines, nearest first: the ezafe dependents of
    the change noun («افزایش قیمت»), then the subject of its light verb («قیمت‌ها افزایش یافت»)
    or the object of a transitive one («تولید را افزایش دادیم»), then the subject of its clause
    («صادرات با رشد ۴۲ درصدی مواجه بود»); of a change verb («رسید»), its subject. Each with its
    phrase (ezafe nouns, adjectives, conjuncts). Empty when the tree names none."""
    starts = [child for child in cue.children if child.dep_ == "nmod"]
    verb = cue.head if cue.dep_ in ("compound:lvc", "obj") and cue.head.i != cue.i else cue
    if verb.pos_ in ("VERB", "AUX"):
        light_object = verb.lemma_ in TRANSITIVE_LIGHT_VERBS or (verb.lemma_ == "کرد" and cue.dep_ == "compound:lvc"
                                                                   and not any(c.dep_ in SUBJECTS for c in verb.children))
        wanted = ("obj",) if light_object else tuple(SUBJECTS)
        starts += [child for child in verb.children if child.dep_ in wanted and child.i != cue.i]
    starts += [child for child in predicate(cue).children if child.dep_ in SUBJECTS and child.i != cue.i]
    words: list[Token] = []
    for start in starts:
        frontier = [start]
        for _ in range(THEME_PHRASE_DEPTH):
            words += [word for word in frontier if word not in words and word.i != cue.i]
            frontier = [child for word in frontier for child in word.children if child.dep_ not in NOT_THEME_RELATIONS]
    return words


#: How far back a theme is looked for before the change word when the tree names none of known
#: polarity (the small parser often hangs the subject of an embedded clause elsewhere)
THEME_WINDOW = 12


def preceding_nouns(cue: Token) -> list[Token]:
    """The nouns before ``cue`` back to the nearest punctuation mark or verb, nearest first."""
    words = []
    for word in reversed(cue.doc[max(0, cue.i - THEME_WINDOW):cue.i]):
        if word.is_punct or word.pos_ in ("VERB", "AUX", "PUNCT") or word.dep_ == "mark":
            break
        if word.pos_ in ("NOUN", "PROPN"):
            words.append(word)
    return words


def theme_polarity(cue: Token, polarities: dict[str, re.Pattern]) -> tuple[str | None, Token | None]:
    """The polarity (a key of ``polarities``: a regex per polarity over forms and lemmas) of the
    first word of the changed thing's phrase that has one (``change_theme``; failing that, the
    nouns just before the change word), and that word; (None, None) if none has."""
    for word in [*change_theme(cue), *preceding_nouns(cue)]:
        for polarity, pattern in polarities.items():
            if pattern.search(word.norm_) or pattern.search(word.lemma_):
                return polarity, word
    return None, None

