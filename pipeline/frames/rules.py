"""The frame rule base: rules as data, validated at load time, matched with spaCy's Matcher
and DependencyMatcher.

A rule is an id, a frame, a description, and spaCy token patterns over the normalised forms
(``NORM``), lemmas, POS, morphology and entities (``patterns``) or dependency patterns over the
tree (``dependency``, spaCy's DependencyMatcher format); patterns may name cue lexicons
(``"@name"``, ``gofteman.frames.lexicons``). Optional conditions on the evidence: its clause
must (not) be negated (``negation``: the polarity of its predicate, or a negator attached to
it), its clause must be a realized claim (``claim``: not future, subjunctive, imperative, modal
or a question), the sentence must name the in-group (``ingroup``) or must not be foreign news
(``foreign``), some context pattern must match elsewhere in the sentence (or, with
``context_scope: clause``, in the evidence's clause), the thing that grows or declines must be
of a polarity (``theme``: read from the tree, looked up in ``theme_polarity``'s lexicons), or the
evidence must be a named entity of given types. ``veto`` rules remove a frame's evidence where they match
(``scope: overlap``) or from the whole sentence (``scope: sentence``). Every match keeps its rule
id; evidence that a condition or a veto removed is kept as a near miss, with the condition that
failed, for ``gofteman explain`` and ``make eval-frames``. Each rule carries examples it must
fire on and examples it must not (``examples``), which the tests run.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans
from spacy.vocab import Vocab

from gofteman.constants import SCHEMAS_DIR
from gofteman.frames.anchored import AnchoredMatcher
from gofteman.frames.clauses import (ClauseCues, clause_span, is_negated, not_done, not_future, not_held, theme_polarity,
                                     unrealized)
from gofteman.frames.lexicons import LexiconError, expand, read_lexicons

RULES_PATH = SCHEMAS_DIR / "frames" / "rules.yaml"
RULES_SCHEMA_PATH = SCHEMAS_DIR / "frames" / "rules.schema.json"
NEGATION_KEY = "negation-cue"
INGROUP_KEY = "ingroup-cue"
FOREIGN_KEY = "foreign-cue"
NOT_FOREIGN_KEY = "not-foreign-cue"
NOT_INGROUP_KEY = "not-ingroup-cue"
DATELINE_KEY = "dateline"
#: A rule's ``claim`` -> the check that says why its evidence's clause makes no such claim.
CLAIMS = {"realized": unrealized, "done": not_done, "held": not_held, "future": not_future}


class RuleError(ValueError):
    """A rule file problem, naming the file and the rule."""


@dataclass(frozen=True)
class FrameSpan:
    label: str
    start: int  # token offsets in the sentence, end exclusive
    end: int
    rule: str
    negated: bool = False


@dataclass(frozen=True)
class NearMiss:
    label: str
    start: int
    end: int
    rule: str
    reason: str


@dataclass(frozen=True)
class Rule:
    id: str
    frame: str
    description: str
    kind: str
    scope: str
    negation: str | None
    has_context: bool
    entity: tuple[str, ...]
    vetoes: tuple[str, ...]  # for a veto: the evidence rules it removes (empty: all of its frame)
    claim: str | None = None
    ingroup: str | None = None
    foreign: str | None = None
    examples: dict | None = None
    context_scope: str = "sentence"
    theme: str | None = None


class RuleBase:
    def __init__(self, vocab: Vocab, path: Path = RULES_PATH) -> None:
        self.path = path
        data = self._load(path)
        self.version: str = data["version"]
        self.labels: tuple[str, ...] = tuple(data["labels"])
        try:
            self.lexicons = {name: read_lexicons([path.parent / file for file in ([files] if isinstance(files, str) else files)])
                             for name, files in data.get("lexicons", {}).items()}
        except LexiconError as error:
            raise RuleError(str(error)) from None
        self.clause_cues = ClauseCues(
            modals=frozenset(expand({"IN": data["modals"]}, self.lexicons, f"{path}: modals")["IN"]),
            future_times=frozenset(expand({"IN": data["future_times"]}, self.lexicons, f"{path}: future_times")["IN"]))
        self.theme_polarities: dict[str, re.Pattern] = {
            polarity: re.compile(self._expanded({"REGEX": lexicon}, f"theme_polarity: {polarity}")["REGEX"])
            for polarity, lexicon in data.get("theme_polarity", {}).items()}
        self.matcher = AnchoredMatcher(vocab)
        self.dependency_matcher = DependencyMatcher(vocab, validate=True)
        self._add(NEGATION_KEY, data["negation_cues"], "negation_cues")
        self._add(INGROUP_KEY, data["ingroup_cues"], "ingroup_cues")
        self._add(FOREIGN_KEY, data["foreign_cues"], "foreign_cues")
        if data.get("not_foreign_cues"):
            self._add(NOT_FOREIGN_KEY, data["not_foreign_cues"], "not_foreign_cues")
        if data.get("not_ingroup_cues"):
            self._add(NOT_INGROUP_KEY, data["not_ingroup_cues"], "not_ingroup_cues")
        if data.get("dateline_cues"):
            self._add(DATELINE_KEY, data["dateline_cues"], "dateline_cues")
        self.rules: dict[str, Rule] = {}
        for entry in data["rules"]:
            rule_id = entry["id"]
            if rule_id in self.rules:
                raise RuleError(f"{path}: rule {rule_id}: the id is used twice")
            if entry["frame"] not in self.labels:
                raise RuleError(f"{path}: rule {rule_id}: frame {entry['frame']!r} is not one of "
                                f"{', '.join(self.labels)}")
            if entry.get("theme") and entry["theme"] not in self.theme_polarities:
                raise RuleError(f"{path}: rule {rule_id}: theme {entry['theme']!r} is not one of theme_polarity: "
                                f"{', '.join(self.theme_polarities) or '(none declared)'}")
            if "patterns" not in entry and "dependency" not in entry:
                raise RuleError(f"{path}: rule {rule_id}: give patterns, dependency or both")
            if "patterns" in entry:
                self._add(rule_id, entry["patterns"], f"rule {rule_id}")
            if "dependency" in entry:
                self._add_dependency(rule_id, entry["dependency"], f"rule {rule_id}")
            if "context" in entry:
                self._add(f"{rule_id}/context", entry["context"], f"rule {rule_id} (context)", needs=rule_id)
            self.rules[rule_id] = Rule(rule_id, entry["frame"], entry["description"],
                                       entry.get("kind", "evidence"), entry.get("scope", "overlap"),
                                       entry.get("negation"), "context" in entry, tuple(entry.get("entity", ())),
                                       tuple(entry.get("vetoes", ())), entry.get("claim"), entry.get("ingroup"),
                                       entry.get("foreign"), entry.get("examples"),
                                       entry.get("context_scope", "sentence"), entry.get("theme"))
        for rule in self.rules.values():
            unknown = [rule_id for rule_id in rule.vetoes if self.rules.get(rule_id, rule).frame != rule.frame
                       or rule_id not in self.rules]
            if unknown:
                raise RuleError(f"{path}: rule {rule.id}: vetoes {', '.join(unknown)}, which are not "
                                f"{rule.frame} rules of this file")

    @staticmethod
    def _load(path: Path) -> dict:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            raise RuleError(f"{path}: cannot read the rules: {error}") from None
        schema = json.loads(RULES_SCHEMA_PATH.read_text(encoding="utf-8"))
        errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
        if errors:
            error = errors[0]
            where = _rule_of(data, list(error.absolute_path))
            location = "/".join(str(part) for part in error.absolute_path) or "(top level)"
            raise RuleError(f"{path}: {where}{location}: {error.message}")
        return data

    def _expanded(self, patterns: list, what: str) -> list:
        try:
            return expand(patterns, self.lexicons, f"{self.path}: {what}")
        except LexiconError as error:
            raise RuleError(str(error)) from None

    def _add(self, key: str, patterns: list, what: str, needs: str | None = None) -> None:
        patterns = self._expanded(patterns, what)
        try:
            self.matcher.add(key, patterns, needs)
        except ValueError as error:  # spaCy's pattern validation (E154 etc.)
            raise RuleError(f"{self.path}: {what}: invalid spaCy pattern: {error}") from None

    def _add_dependency(self, key: str, patterns: list, what: str) -> None:
        patterns = self._expanded(patterns, what)
        try:
            self.dependency_matcher.add(key, patterns)
        except (ValueError, KeyError) as error:  # spaCy's dependency pattern validation
            raise RuleError(f"{self.path}: {what}: invalid spaCy dependency pattern: {error}") from None

    def match(self, doc: Doc) -> tuple[list[FrameSpan], list[NearMiss]]:
        """Frame evidence in one sentence, and the near misses."""
        found: dict[str, list[tuple[int, int]]] = {}
        dependency_matches = self.dependency_matcher(doc) if len(self.dependency_matcher) else []
        for match_id, start, end in self.matcher(doc, {doc.vocab.strings[match_id] for match_id, _ in dependency_matches}):
            found.setdefault(doc.vocab.strings[match_id], []).append((start, end))
        for match_id, tokens in dependency_matches:
            found.setdefault(doc.vocab.strings[match_id], []).append((min(tokens), max(tokens) + 1))
        negators = {index for start, end in found.get(NEGATION_KEY, []) for index in range(start, end)}
        # a foreign name as the opponent or the venue of a contest does not make the news foreign
        bystanders = {index for start, end in found.pop(NOT_FOREIGN_KEY, []) for index in range(start, end)}
        if FOREIGN_KEY in found:
            found[FOREIGN_KEY] = [(s, e) for s, e in found[FOREIGN_KEY] if not bystanders.intersection(range(s, e))]
        # an in-group word of a foreign place or office (استان نینوای عراق، فرماندار توکیو) names no in-group
        abroad = {index for start, end in found.pop(NOT_INGROUP_KEY, []) for index in range(start, end)}
        if INGROUP_KEY in found:
            found[INGROUP_KEY] = [(s, e) for s, e in found[INGROUP_KEY] if not abroad.intersection(range(s, e))]
        # a dateline (تهران - ایرنا -) says where the story was filed, not whom it is about
        dateline = {index for start, end in found.pop(DATELINE_KEY, []) for index in range(start, end)}
        if dateline:
            for key in [INGROUP_KEY, FOREIGN_KEY, *(key for key in found if key.endswith("/context"))]:
                if key in found:
                    found[key] = [(s, e) for s, e in found[key] if not dateline.issuperset(range(s, e))]
        evidence: list[FrameSpan] = []
        misses: list[NearMiss] = []
        for rule in self.rules.values():
            if rule.kind != "evidence" or rule.id not in found:
                continue
            for span in filter_spans([doc[start:end] for start, end in found[rule.id]]):
                negated = is_negated(span, negators)
                reason = self._failed_condition(rule, span, negated, found)
                if reason:
                    misses.append(NearMiss(rule.frame, span.start, span.end, rule.id, reason))
                else:
                    evidence.append(FrameSpan(rule.frame, span.start, span.end, rule.id, negated))
        for rule in self.rules.values():
            if rule.kind != "veto" or rule.id not in found:
                continue
            for start, end in found[rule.id]:
                for item in [e for e in evidence if e.label == rule.frame and (not rule.vetoes or e.rule in rule.vetoes)]:
                    if rule.scope == "sentence" or (item.start < end and start < item.end):
                        evidence.remove(item)
                        misses.append(NearMiss(item.label, item.start, item.end, item.rule,
                                               f"vetoed by {rule.id} ({doc[start:end].text})"))
        evidence.sort(key=lambda s: (self.labels.index(s.label), s.start, s.end, s.rule))
        return evidence, misses

    def _failed_condition(self, rule: Rule, span, negated: bool, found: dict[str, list[tuple[int, int]]]) -> str | None:
        """The first condition of ``rule`` that the evidence ``span`` fails, in words; None if none."""
        if rule.negation == "required" and not negated:
            return "its clause is not negated"
        if rule.negation == "forbidden" and negated:
            return "its clause is negated"
        if rule.claim:
            reason = CLAIMS[rule.claim](span, self.clause_cues)
            if reason:
                return f"no {rule.claim} claim: {reason}"
        ingroup = bool(found.get(INGROUP_KEY)) or any(
            token.pos_ in ("VERB", "AUX") and "1" in token.morph.get("Person") and "Plur" in token.morph.get("Number")
            for token in span.doc)
        if rule.ingroup == "required" and not ingroup:
            return "the sentence names no in-group (ingroup_cues, or «we»)"
        if rule.foreign == "forbidden" and found.get(FOREIGN_KEY) and not ingroup:
            names = ", ".join(span.doc[s:e].text for s, e in found[FOREIGN_KEY][:3])
            return f"foreign news with no in-group ({names})"
        if rule.has_context:
            context = [(s, e) for s, e in found.get(f"{rule.id}/context", []) if e <= span.start or s >= span.end]
            if rule.context_scope == "clause":
                words = clause_span(span.root)
                context = [(s, e) for s, e in context if words.intersection(range(s, e))]
            if not context:
                return f"no context cue elsewhere in the {rule.context_scope}"
        if rule.theme:
            reason = self._theme_failed(rule.theme, span)
            if reason:
                return reason
        if rule.entity and not all(token.ent_type_ in rule.entity for token in span):
            return f"not inside a named entity of type {'/'.join(rule.entity)}"
        return None

    def _theme_failed(self, wanted: str, span) -> str | None:
        """Why the thing that changes, read from the tree of the evidence's words, is not of
        polarity ``wanted``, or None when it is."""
        for token in sorted(span, key=lambda token: token.i != span.root.i):
            polarity, word = theme_polarity(token, self.theme_polarities)
            if polarity:
                return None if polarity == wanted else f"the thing that changes («{word.text}») is {polarity}, not {wanted}"
        return f"the thing that changes is not known to be {wanted} (theme_polarity)"


def _rule_of(data: object, path: list) -> str:
    if len(path) >= 2 and path[0] == "rules" and isinstance(data, dict):
        try:
            return f"rule {data['rules'][path[1]].get('id', '#' + str(path[1]))}: "
        except (IndexError, AttributeError, TypeError):
            return ""
    return ""
