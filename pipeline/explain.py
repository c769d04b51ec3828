"""``gofteman explain``: which frame rules fire on a sentence, on which tokens, and why a near
miss did not count. For linguists debugging the rule base."""

from __future__ import annotations

from pathlib import Path

from gofteman import conllu
from gofteman.frames.docs import sentence_doc
from gofteman.in_memory import annotate
from gofteman.stages.ner import Ner


def annotate_text(text: str) -> list[conllu.Sentence]:
    """Runs every stage before frames on a text, in memory."""
    return annotate(text, Ner.name, "explain")


def find_sentence(corpus_dir: Path, sent_id: str) -> conllu.Sentence:
    for path in sorted(corpus_dir.glob("*.conllu")):
        for sentence in conllu.read(path):
            if sentence.comment("sent_id") == sent_id:
                return sentence
    raise ValueError(f"no sentence with sent_id {sent_id!r} in {corpus_dir}")


def explain(sentences: list[conllu.Sentence]) -> str:
    from gofteman.in_memory import configured_stage
    from gofteman.stages.frames import Frames

    stage = configured_stage(Frames.name)
    out = []
    for sentence in sentences:
        doc = sentence_doc(stage.nlp.vocab, sentence)
        spans, misses = stage.rules.match(doc)
        labels = [label for label in stage.rules.labels if any(s.label == label for s in spans)]
        out.append(f"# {sentence.comment('sent_id') or ''} {sentence.comment('text') or doc.text}")
        out.append("tokens: " + " ".join(f"{t.i}:{t.text}/{t.lemma_}/{t.pos_}{'/' + t.ent_type_ if t.ent_type_ else ''}"
                                          for t in doc))
        out.append(f"frames: {', '.join(labels) or 'none'}")
        for span in spans:
            rule = stage.rules.rules[span.rule]
            negation = " (sentence negated)" if span.negated else ""
            out.append(f"  + {span.label} by {span.rule} on tokens {span.start}-{span.end - 1} "
                       f"«{doc[span.start:span.end].text}»{negation}: {rule.description}")
        for miss in misses:
            out.append(f"  - near miss: {miss.label} by {miss.rule} on tokens {miss.start}-{miss.end - 1} "
                       f"«{doc[miss.start:miss.end].text}»: {miss.reason}")
        out.append("")
    return "\n".join(out)
