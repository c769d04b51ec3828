"""The Hugging Face dataset: ``corpus/hf`` built from the final CoNLL-U, and back.

Two configs, both Parquet with declared ``Features`` (label names from ``schemas/``):
``sentences`` (one row a sentence, universal_dependencies column names) and ``documents``.
Every CoNLL-U line is kept (comments as columns, MISC as strings), so the dataset converts back
to the same CoNLL-U files (``to_conllu``). The card (README.md) is generated here.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from datasets import ClassLabel, Dataset, Features, List, Value

from gofteman import conllu
from gofteman.constants import (
    COMMENT_FRAME_CONFIDENCE,
    COMMENT_FRAMES,
    COMMENT_META_PREFIX,
    COMMENT_NEWDOC,
    COMMENT_NEWPAR,
    COMMENT_SENT_ID,
    COMMENT_SPEAKER,
    COMMENT_SPEECH,
    COMMENT_TEXT,
    MISC_NER,
)
from gofteman.constants import CONFIG_DOCUMENTS as DOCUMENTS, CONFIG_SENTENCES as SENTENCES
from gofteman.export.card import data_file_name, dataset_card
from gofteman.frames.docs import format_confidence, read_frame_confidence, read_frames
from gofteman.labels import frame_labels, ner_tags, upos_labels



class LabelError(ValueError):
    """A label in the corpus that the schema does not define."""


def sentence_features(meta_keys: list[str]) -> Features:
    return Features({
        "id": Value("string"), "doc_id": Value("string"), "sent_id": Value("string"), "text": Value("string"),
        "newpar": Value("bool"), "speaker": Value("string"), "speech": Value("string"),
        "tokens": List(Value("string")), "lemmas": List(Value("string")),
        "upos": List(ClassLabel(names=upos_labels())), "xpos": List(Value("string")),
        "feats": List(Value("string")), "head": List(Value("int32")), "deprel": List(Value("string")),
        "deps": List(Value("string")), "misc": List(Value("string")),
        "ner_tags": List(ClassLabel(names=ner_tags())),
        "frames": List(ClassLabel(names=frame_labels())),
        "frame_confidence": List(Value("float32")),
        "frame_spans": List({"label": ClassLabel(names=frame_labels()), "start": Value("int32"),
                             "end": Value("int32"), "rule": Value("string"), "negated": Value("bool")}),
        "multiword_tokens": List({"id": Value("string"), "form": Value("string"), "misc": Value("string")}),
        **{f"meta_{key}": Value("string") for key in meta_keys},
    })


def document_features(meta_keys: list[str]) -> Features:
    return Features({
        "id": Value("string"), "text": Value("string"), "sentences": Value("int32"), "tokens": Value("int32"),
        "speakers": List(Value("string")),
        **{f"frames_{label}": Value("int32") for label in frame_labels()},
        **{f"meta_{key}": Value("string") for key in meta_keys},
    })


def _check(value: str, allowed: list[str], what: str, where: str) -> str:
    if value not in allowed:
        raise LabelError(f"{where}: {what} {value!r} is not in the schema ({', '.join(allowed)})")
    return value


def document_meta(sentences: list[conllu.Sentence]) -> dict[str, str]:
    """The ``# meta::key = value`` comments of a document's first sentence, as a dict."""
    meta = {}
    for line in sentences[0].comments if sentences else []:
        key, _, value = line.removeprefix(" ").partition(" = ")
        if key.startswith(COMMENT_META_PREFIX):
            meta[key[len(COMMENT_META_PREFIX):]] = value
    return meta


def sentence_row(sentence: conllu.Sentence, doc_id: str, meta: dict[str, str], meta_keys: list[str]) -> dict:
    where = f"{doc_id}.conllu, sentence {sentence.comment(COMMENT_SENT_ID)}"
    words = sentence.words()
    upos, tags = upos_labels(), ner_tags()
    labels, spans = read_frames(sentence)
    confidence = read_frame_confidence(sentence)
    return {
        "id": sentence.comment(COMMENT_SENT_ID), "doc_id": doc_id, "sent_id": sentence.comment(COMMENT_SENT_ID),
        "text": sentence.comment(COMMENT_TEXT), "newpar": sentence.comment(COMMENT_NEWPAR) is not None,
        "speaker": sentence.comment(COMMENT_SPEAKER), "speech": sentence.comment(COMMENT_SPEECH),
        "tokens": [row[conllu.FORM] for row in words], "lemmas": [row[conllu.LEMMA] for row in words],
        "upos": [_check(row[conllu.UPOS], upos, "UPOS", where) for row in words],
        "xpos": [row[conllu.XPOS] for row in words], "feats": [row[conllu.FEATS] for row in words],
        "head": [int(row[conllu.HEAD]) if row[conllu.HEAD] != "_" else -1 for row in words],
        "deprel": [row[conllu.DEPREL] for row in words], "deps": [row[conllu.DEPS] for row in words],
        "misc": [row[conllu.MISC] for row in words],
        "ner_tags": [_check(conllu.misc_get(row[conllu.MISC], MISC_NER) or "O", tags, "NER tag", where) for row in words],
        # None (not []) when the frames stage did not run, so the comment is not invented
        "frames": None if sentence.comment(COMMENT_FRAMES) is None else
        [_check(label, frame_labels(), "frame", where) for label in labels],
        # aligned with ``frames``; None where the corpus carries no confidence
        "frame_confidence": None if confidence is None else [confidence.get(label, 0.0) for label in labels],
        "frame_spans": [{"label": s.label, "start": s.start, "end": s.end, "rule": s.rule, "negated": s.negated}
                        for s in spans],
        "multiword_tokens": [{"id": row[conllu.ID], "form": row[conllu.FORM], "misc": row[conllu.MISC]}
                             for row in sentence.rows if "-" in row[conllu.ID]],
        **{f"meta_{key}": meta.get(key) for key in meta_keys},
    }


def read_corpus(conllu_dir: Path) -> dict[str, list[conllu.Sentence]]:
    return {path.stem: conllu.read(path) for path in sorted(conllu_dir.glob("*.conllu"))}


def input_fingerprint(conllu_dir: Path) -> str:
    """Hash of the CoNLL-U files and the label schemas the dataset is built from."""
    from gofteman.labels import FRAME_RULES_PATH, LABELS_PATH

    digest = hashlib.sha256()
    for path in [*sorted(conllu_dir.glob("*.conllu")), LABELS_PATH, FRAME_RULES_PATH]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def build_datasets(conllu_dir: Path, manifest: dict) -> tuple[Dataset, Dataset]:
    corpus = read_corpus(conllu_dir)
    metas = {doc_id: document_meta(sentences) for doc_id, sentences in corpus.items()}
    meta_keys = sorted({key for meta in metas.values() for key in meta})
    texts = {record["id"]: record for record in manifest["documents"] if record["status"] == "ok"}
    sentence_rows, document_rows = [], []
    for doc_id, sentences in corpus.items():
        rows = [sentence_row(sentence, doc_id, metas[doc_id], meta_keys) for sentence in sentences]
        sentence_rows.extend(rows)
        counts = Counter(label for row in rows for label in row["frames"] or [])
        document_rows.append({
            "id": doc_id, "text": conllu.rebuild_text(sentences), "sentences": len(sentences),
            "tokens": sum(len(s.tokens()) for s in sentences),
            "speakers": list(dict.fromkeys(row["speaker"] for row in rows if row["speaker"])),
            **{f"frames_{label}": counts[label] for label in frame_labels()},
            **{f"meta_{key}": metas[doc_id].get(key) for key in meta_keys}})
        if doc_id not in texts:
            raise ValueError(f"{conllu_dir}/{doc_id}.conllu is not an ok document of the manifest")
    # from_list builds from these rows every time (unlike from_generator, no cache to go stale);
    # the card records the input fingerprint, and make rebuilds when any input file changes
    sentences_ds = Dataset.from_list(sentence_rows, features=sentence_features(meta_keys))
    documents_ds = Dataset.from_list(document_rows, features=document_features(meta_keys))
    return sentences_ds, documents_ds


def to_conllu(sentences_ds: Dataset) -> dict[str, str]:
    """The CoNLL-U text of each document, rebuilt from the ``sentences`` config."""
    upos = sentences_ds.features["upos"].feature
    documents: dict[str, list[conllu.Sentence]] = {}
    meta_keys = [name[5:] for name in sentences_ds.column_names if name.startswith("meta_")]
    for row in sentences_ds:
        sentence = conllu.Sentence()
        if row["doc_id"] not in documents:
            sentence.set_comment(COMMENT_NEWDOC, row["doc_id"])
            for key in meta_keys:
                if row[f"meta_{key}"] is not None:
                    sentence.set_comment(COMMENT_META_PREFIX + key, row[f"meta_{key}"])
        if row["newpar"]:
            sentence.set_comment(COMMENT_NEWPAR, None)
        sentence.set_comment(COMMENT_SENT_ID, row["sent_id"])
        sentence.set_comment(COMMENT_TEXT, row["text"])
        for key in (COMMENT_SPEAKER, COMMENT_SPEECH):
            if row[key] is not None:
                sentence.set_comment(key, row[key])
        if row["frames"] is not None:
            names = sentences_ds.features["frames"].feature.names
            sentence.set_comment(COMMENT_FRAMES, ",".join(names[i] for i in row["frames"]) or "_")
        if row["frame_confidence"] is not None:
            sentence.set_comment(COMMENT_FRAME_CONFIDENCE, format_confidence(
                {names[i]: value for i, value in zip(row["frames"], row["frame_confidence"])}))
        ranges = {int(m["id"].split("-")[0]): m for m in row["multiword_tokens"]}
        for index in range(len(row["tokens"])):
            if index + 1 in ranges:
                m = ranges[index + 1]
                sentence.rows.append([m["id"], m["form"], *["_"] * 7, m["misc"]])
            sentence.rows.append([str(index + 1), row["tokens"][index], row["lemmas"][index],
                                  upos.names[row["upos"][index]], row["xpos"][index], row["feats"][index],
                                  str(row["head"][index]) if row["head"][index] >= 0 else "_",
                                  row["deprel"][index], row["deps"][index], row["misc"][index]])
        documents.setdefault(row["doc_id"], []).append(sentence)
    return {doc_id: conllu.format_sentences(sentences) for doc_id, sentences in documents.items()}


def corpus_statistics(sentences_ds: Dataset, documents_ds: Dataset) -> dict:
    frame_names = sentences_ds.features["frames"].feature.names
    ner_names = sentences_ds.features["ner_tags"].feature.names
    frames = Counter(frame_names[i] for row in sentences_ds["frames"] for i in row or [])
    entities = Counter(ner_names[i][2:] for row in sentences_ds["ner_tags"] for i in row if ner_names[i].startswith("B-"))
    return {"documents": len(documents_ds), "sentences": len(sentences_ds),
            "tokens": sum(len(row) for row in sentences_ds["tokens"]),
            "frames": {label: frames[label] for label in frame_names},
            "entities": {label: entities[label] for label in sorted(entities)}}


def write_dataset(conllu_dir: Path, manifest_path: Path, out_dir: Path) -> dict:

    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    sentences_ds, documents_ds = build_datasets(conllu_dir, manifest)
    fingerprint = input_fingerprint(conllu_dir)
    for name, dataset in ((SENTENCES, sentences_ds), (DOCUMENTS, documents_ds)):
        folder = out_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.parquet"):
            old.unlink()
        dataset.to_parquet(str(folder / data_file_name(fingerprint)))
    stats = corpus_statistics(sentences_ds, documents_ds)
    card = dataset_card(sentences_ds, documents_ds, stats, fingerprint)
    (out_dir / "README.md").write_text(card, encoding="utf-8")
    return stats
