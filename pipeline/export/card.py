"""The dataset card (``corpus/hf/README.md``), generated from the data: never edited by hand."""

from __future__ import annotations

import json

import yaml
from datasets import Dataset
from huggingface_hub import DatasetCardData

from gofteman.constants import VERSION
from gofteman.constants import CONFIG_DOCUMENTS as DOCUMENTS, CONFIG_SENTENCES as SENTENCES
from gofteman.evaluation.results import MissingResultError, read_result
from gofteman.frames.rules import RULES_PATH

SIZE_CATEGORIES = ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"))


def size_category(rows: int) -> str:
    return next((name for limit, name in SIZE_CATEGORIES if rows < limit), "1M<n<10M")


def card_data(sentences_ds: Dataset, data_file: str) -> DatasetCardData:
    """The card's YAML; ``data_file`` is the name of each config's Parquet file."""
    return DatasetCardData(
        language=["fa"],
        license="other",
        license_name="mixed-see-card",
        pretty_name="gofteman: Persian discourse corpus with UD annotation and rhetorical frames",
        task_categories=["token-classification", "text-classification"],
        task_ids=["part-of-speech", "named-entity-recognition", "multi-label-classification"],
        size_categories=[size_category(len(sentences_ds))],
        tags=["universal-dependencies", "conllu", "persian", "discourse", "framing"],
        configs=[
            {"config_name": SENTENCES, "data_files": [{"split": "train", "path": f"{SENTENCES}/{data_file}"}],
             "default": True},
            {"config_name": DOCUMENTS, "data_files": [{"split": "train", "path": f"{DOCUMENTS}/{data_file}"}]},
        ],
    )


def _tag_table(names: list[str]) -> str:
    return "\n".join(f"| {index} | `{name}` |" for index, name in enumerate(names))


def _example(sentences_ds: Dataset) -> str:
    row = sentences_ds[0]
    shown = {key: (value[:8] if isinstance(value, list) else value) for key, value in row.items()}
    return json.dumps(shown, ensure_ascii=False, indent=1)


def data_file_name(fingerprint: str) -> str:
    """Each config's Parquet file, named after the input fingerprint: the datasets library keys
    its cache of a local folder on the card's YAML (config names and file patterns), not on
    the files, so a fixed name would make ``load_dataset`` return a previous build."""
    return f"train-{fingerprint[:16]}.parquet"


def _measured(name: str, describe) -> str:
    try:
        return describe(read_result(name)["scores"])
    except MissingResultError:
        return "not measured"


def quality_notes() -> dict[str, str]:
    """The card's quality column, from results/ (``make eval``)."""
    def ud(scores: dict, metric: str) -> str:
        return f"{100 * scores['ud'][metric]['f1']:.2f}"

    def frames(scores: dict) -> str:
        return "; ".join(f"{e['title']}: macro F1 {e['frames']['macro']['f1']:.3f}" for e in scores.values())

    return {
        "normalize": _measured("normalize", lambda s: f"{100 * s['gofteman']['restored_share']:.1f}% of stripped ZWNJs restored on UD PerDT dev"),
        "tokenize": _measured("tokenize", lambda s: f"Tokens F1 {100 * s['tokenize']['Tokens']['f1']:.2f}, Sentences {100 * s['tokenize']['Sentences']['f1']:.2f} on UD PerDT test"),
        "mwt": _measured("tokenize", lambda s: f"Words F1 {100 * s['mwt']['Words']['f1']:.2f} on UD PerDT test ({100 * s['tokenize']['Words']['f1']:.2f} unsplit)"),
        "tag": _measured("models", lambda s: f"UD PerDT test from raw text: UPOS {ud(s, 'UPOS')}, LAS {ud(s, 'LAS')}, Lemmas {ud(s, 'Lemmas')}"),
        "ner": _measured("models", lambda s: f"Arman fold 3: micro F1 {100 * s['ner']['micro']['f1']:.2f}"),
        "frames": _measured("frames", frames),
        "speakers": _measured("speakers", lambda s: f"speaker F1 {s['validation']['f1']:.3f} on 16 validation documents (seed {s['validation-seed']['f1']:.3f}, Fars {s['validation-fars']['f1']:.3f}), {s['train']['f1']:.3f} on the 60 training articles"),
    }


def dataset_card(sentences_ds: Dataset, documents_ds: Dataset, stats: dict, fingerprint: str) -> str:
    quality = quality_notes()
    header = card_data(sentences_ds, data_file_name(fingerprint)).to_yaml()
    rules_version = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))["version"]
    features = sentences_ds.features
    meta_columns = [name for name in sentences_ds.column_names if name.startswith("meta_")]
    frames_line = ", ".join(f"{label} {count}" for label, count in stats["frames"].items())
    entities_line = ", ".join(f"{label} {count}" for label, count in stats["entities"].items()) or "none"
    return f"""---
{header}
---

# gofteman: Persian discourse corpus

Persian documents (news reports, speeches, statements) annotated by the
gofteman pipeline {VERSION}: normalisation with repair of lost
zero-width non-joiners, tokenisation, UD part-of-speech tags, features, lemmas and dependencies,
named entities, and rule-based rhetorical frames (hope, threat, achievement, enemy) with their
evidence spans. Built from the corpus's CoNLL-U files, which it mirrors column for column.
This card is generated by the build; do not edit it by hand.

```python
from datasets import load_dataset
sentences = load_dataset("path/to/hf")                 # config "sentences" (default)
documents = load_dataset("path/to/hf", "documents")
```

## Statistics
| | |
|---|---:|
| documents | {stats['documents']} |
| sentences | {stats['sentences']} |
| tokens | {stats['tokens']} |
| sentences with each frame | {frames_line} |
| named entities | {entities_line} |

Input fingerprint (SHA-256 of the CoNLL-U files and label schemas): `{fingerprint}`.

## Config `sentences` (default): one row a sentence
Column names follow the `universal_dependencies` dataset. Lists are aligned with `tokens`.

| column | type | meaning |
|---|---|---|
| `id`, `sent_id` | string | the CoNLL-U `# sent_id` (`<doc_id>-<n>`) |
| `doc_id` | string | the document (`# newdoc id`) |
| `text` | string | `# text`: the sentence as in the source |
| `newpar` | bool | the sentence starts a paragraph (`# newpar`) |
| `speaker` | string | who says the sentence (`# speaker`: the fullest name in the document, no honorifics); null for the reporter's narration |
| `speech` | string | `direct` or `indirect` (`# speech`); null for narration |
| `tokens` | list of string | FORM: the original text of each syntactic word |
| `lemmas`, `xpos`, `deprel`, `deps` | list of string | LEMMA (a verb's is its past stem, `کرد` for «می‌کنم», as UD Persian writes it; both stems are in `misc` as `OrigLemma=کرد#کن`), XPOS (PerDT tags), DEPREL, DEPS as in CoNLL-U (`_` = none) |
| `upos` | list of ClassLabel | UPOS (table below) |
| `feats` | list of string | FEATS as the CoNLL-U string (`Number=Sing|Person=3`), never a dict |
| `head` | list of int | HEAD (0 = root; -1 = not annotated) |
| `misc` | list of string | MISC as the CoNLL-U string: `Norm=` (normalised form), `OrigLemma=` (a verb's past#present stems), `SpaceAfter=No`, `SpacesAfter=` (exact spacing), `NER=`, `Frame=` |
| `ner_tags` | list of ClassLabel | IOB2 entity tags, `O` = 0 (table below) |
| `frames` | list of ClassLabel | the sentence's frames (`# frames`); null if the frames stage did not run |
| `frame_confidence` | list of float32 | each label's confidence, aligned with `frames` (`# frame_confidence`): the train precision of its most precise rule, smoothed ((correct + 1) / (fired + 2)) |
| `frame_spans` | list of {{label, start, end, rule, negated}} | evidence: word offsets `[start, end)`, the rule id, whether a negation cue is near |
| `multiword_tokens` | list of {{id, form, misc}} | multiword-token lines (`1-2` ranges), kept apart from `tokens` |
| {', '.join(f'`{name}`' for name in meta_columns) or '(none)'} | string | document metadata (`# meta::key`) |

**Tokens and words.** `tokens` holds syntactic words, as `universal_dependencies` does. A surface
token that stands for several words (a clitic, `1-2` in CoNLL-U) is listed in
`multiword_tokens` with its range, surface form and spacing (`misc`); its words are in `tokens`
(e.g. «کتابش» = `کتاب` + `ش`, split by the mwt stage). The surface text with its original
spacing comes back from the surface tokens (words outside a range, and the ranges) and the
spacing attributes in their `misc`.

### `upos`
| index | tag |
|---:|---|
{_tag_table(features['upos'].feature.names)}

### `ner_tags`
| index | tag |
|---:|---|
{_tag_table(features['ner_tags'].feature.names)}

### `frames` and `frame_spans.label`
| index | frame |
|---:|---|
{_tag_table(features['frames'].feature.names)}

## Config `documents`: one row a document
`id`, `text` (the original document, rebuilt exactly from the CoNLL-U), `sentences`, `tokens`, `speakers` (who speaks in it, in order of first speech),
`frames_<label>` (sentences with that frame) and the `meta_*` columns.

## Example row (lists cut to 8 items)
```json
{_example(sentences_ds)}
```

## How it was annotated
| layer | how | quality |
|---|---|---|
| normalisation | hazm 0.12 Normalizer + ZWNJ repair (frequency lexicon `models/zwnj-fa`) | {quality['normalize']} |
| sentences, tokens | hazm tokenisers | {quality['tokenize']} |
| multiword tokens (clitics) | stanza tokenizer and MWT expander trained by gofteman (`models/fa-small`), and a hazm-lexicon rule for the clitics they miss | {quality['mwt']} |
| UPOS, XPOS, FEATS, LEMMA, HEAD, DEPREL | stanza 1.15 models trained by gofteman (`models/fa-small`), with the tag dictionary of their training data | {quality['tag']} |
| entities | stanza NER model trained by gofteman (`models/fa-small`) | {quality['ner']} |
| speakers | speech cues, the dependency tree and the entities, rules in `schemas/speakers.yaml` | {quality['speakers']} |
| frames | rule base version {rules_version} (`schemas/frames/rules.yaml`), spaCy Matcher | {quality['frames']} |

The numbers are read from the project's `results/*.json`, written by its `make eval` (see its README); the models are small (trained
on 4,306 UD sentences), so check the annotation before relying on it.

## Licences and citations
- Documents: each row's `meta_licence_note` says where it comes from and on what terms; the seed
  document is a public press release of Iran's Social Security Organisation, with no licence
  stated by the publisher, shared for research on public discourse.
- Annotation by models derived from UD Persian-PerDT and Seraji (CC BY-SA 4.0) and iPerUDT (CC0);
  the tagger, parser and NER model also read word vectors learnt in part from the text of
  ArmanPersoNER (academic research only; cite Poostchi et al., COLING 2016 and LREC 2018), PEYMA
  (research use) and ParsTwiNER (MIT), whose entities the NER model learnt: **use the corpus for
  research only**.
- Cite UD Persian-PerDT (Rasooli et al.), hazm, stanza (Qi et al., ACL 2020) and spaCy.
"""
