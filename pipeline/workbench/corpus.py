"""The corpus as tables (pandas DataFrames), with SQL over them (DuckDB) and concordances.

``Corpus.load`` reads a CoNLL-U folder (``corpus/conllu``), the Hugging Face folder
(``corpus/hf``) or the corpus folder that holds either. Both give the same tables:

- ``tokens``: one row a word: ``doc_id``, ``sent_id``, ``index`` (the word's ID), ``form``,
  ``norm``, ``lemma``, ``upos``, ``xpos``, ``feats``, ``head``, ``deprel``, ``entity`` (the IOB2
  tag), ``frames`` (the labels whose evidence covers the word, comma-separated), ``speaker``,
  ``space_after`` and the document's ``meta_*`` columns;
- ``sentences``: ``doc_id``, ``sent_id``, ``text``, ``newpar`` (it opens a paragraph),
  ``frames`` (comma-separated), ``speaker``, ``speech``, ``words`` (punctuation not counted)
  and ``meta_*``;
- ``frames``: one row an evidence span: ``doc_id``, ``sent_id``, ``label``, ``confidence``
  (the label's, ``# frame_confidence``), ``rule``, ``negated``, ``start`` and ``end`` (word IDs,
  inclusive), ``words``, ``lemmas``, ``speaker``, ``text``;

``min_confidence`` keeps only the labels of at least that confidence (and their evidence): a
linguist counts the labels the rules get right nine times in ten with ``min_confidence=0.9``. A
corpus that carries no confidence keeps every label only at 0.
- ``speakers``: one row a speaker of a document: ``doc_id``, ``speaker``, ``sentences``,
  ``words``, ``direct``, ``indirect`` and one column of sentences per frame label;
- ``documents``: ``doc_id``, ``sentences``, ``words`` and ``meta_*``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from gofteman import conllu
from gofteman.constants import MISC_NORM, MISC_SPACE_AFTER
from gofteman.labels import frame_labels, ner_tags, upos_labels

CONLLU_DIR, HF_DIR, HF_SENTENCES = "conllu", "hf", "sentences"
TABLES = ("tokens", "sentences", "frames", "speakers", "documents")
KWIC_BY = ("form", "lemma", "norm")
#: A progress bar when a corpus has this many documents or more (reading takes over a second).
PROGRESS_FROM = 200


class CorpusError(ValueError):
    """A corpus that cannot be read or a query that cannot be answered, in one line."""


@dataclass
class Corpus:
    tokens: pd.DataFrame
    sentences: pd.DataFrame
    frames: pd.DataFrame
    speakers: pd.DataFrame
    documents: pd.DataFrame
    source: Path

    # --- loading ----------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path = "corpus", min_confidence: float = 0.0) -> Corpus:
        """The corpus at ``path``: a folder of ``.conllu`` files, a Hugging Face folder (with
        ``sentences/*.parquet``), or a folder holding ``conllu/`` or ``hf/``; with only the frame
        labels of at least ``min_confidence``."""
        path = Path(path)
        if not path.exists():
            raise CorpusError(f"{path}: no such corpus folder")
        for folder in (path, path / CONLLU_DIR, path / HF_DIR):
            if sorted(folder.glob("*.conllu")):
                return cls._from_rows(_conllu_rows(folder), folder, min_confidence)
            if sorted((folder / HF_SENTENCES).glob("*.parquet")):
                return cls._from_rows(_parquet_rows(folder / HF_SENTENCES), folder, min_confidence)
        raise CorpusError(f"{path}: no .conllu files, and no Hugging Face folder ({HF_SENTENCES}/*.parquet)")

    @classmethod
    def _from_rows(cls, rows: list[dict], source: Path, min_confidence: float = 0.0) -> Corpus:
        if not rows:
            raise CorpusError(f"{source}: the corpus has no sentences")
        if min_confidence > 0:
            rows = [_confident(row, min_confidence) for row in rows]
        labels = frame_labels()
        meta_keys = sorted({key for row in rows for key in row if key.startswith("meta_")})
        token_rows, sentence_rows, frame_rows = [], [], []
        for row in rows:
            meta = {key: row.get(key) for key in meta_keys}
            covered: dict[int, list[str]] = {}
            for span in row["frame_spans"]:
                for index in range(span["start"], span["end"]):
                    covered.setdefault(index, []).append(span["label"])
                frame_rows.append({
                    "doc_id": row["doc_id"], "sent_id": row["sent_id"], "label": span["label"],
                    "confidence": _label_confidence(row).get(span["label"]), "rule": span["rule"],
                    "negated": bool(span["negated"]), "start": span["start"] + 1, "end": span["end"],
                    "words": " ".join(row["tokens"][span["start"]:span["end"]]),
                    "lemmas": " ".join(row["lemmas"][span["start"]:span["end"]]),
                    "speaker": row["speaker"], "text": row["text"]})
            for index, form in enumerate(row["tokens"]):
                misc = row["misc"][index]
                token_rows.append({
                    "doc_id": row["doc_id"], "sent_id": row["sent_id"], "index": index + 1, "form": form,
                    "norm": conllu.unescape_misc_value(conllu.misc_get(misc, MISC_NORM) or form),
                    "lemma": row["lemmas"][index], "upos": row["upos"][index], "xpos": row["xpos"][index],
                    "feats": row["feats"][index], "head": row["head"][index], "deprel": row["deprel"][index],
                    "entity": row["ner_tags"][index],
                    "frames": ",".join(dict.fromkeys(covered.get(index, []))),
                    "speaker": row["speaker"], "space_after": conllu.misc_get(misc, MISC_SPACE_AFTER) != "No",
                    **meta})
            sentence_rows.append({
                "doc_id": row["doc_id"], "sent_id": row["sent_id"], "text": row["text"], "newpar": bool(row["newpar"]),
                "frames": ",".join(label for label in labels if label in (row["frames"] or [])),
                "speaker": row["speaker"], "speech": row["speech"],
                "words": sum(tag != "PUNCT" for tag in row["upos"]), **meta})
        tokens = pd.DataFrame(token_rows)
        sentences = pd.DataFrame(sentence_rows)
        frames = pd.DataFrame(frame_rows, columns=["doc_id", "sent_id", "label", "confidence", "rule", "negated", "start", "end",
                                                   "words", "lemmas", "speaker", "text"])
        return cls(tokens, sentences, frames, _speakers(sentences, labels), _documents(sentences, meta_keys), source)

    # --- queries ----------------------------------------------------------------------------
    def words_by_sentence(self) -> dict[str, pd.DataFrame]:
        """The ``tokens`` rows of each sentence, by ``sent_id``."""
        return {sent_id: group for sent_id, group in self.tokens.groupby("sent_id", sort=False)}

    def sql(self, query: str) -> pd.DataFrame:
        """``query`` run by DuckDB over the tables (``tokens``, ``sentences``, ``frames``,
        ``speakers``, ``documents``), as a DataFrame."""
        import duckdb

        connection = duckdb.connect()
        try:
            for name in TABLES:
                connection.register(name, getattr(self, name))
            return connection.execute(query).df()
        except duckdb.Error as error:
            raise CorpusError(f"SQL: {str(error).splitlines()[0]}") from None
        finally:
            connection.close()

    def kwic(self, pattern: str, by: str = "lemma", regex: bool = False, context: int = 5,
             frame: str | None = None, speaker: str | None = None, upos: str | None = None,
             meta: dict[str, str] | None = None) -> pd.DataFrame:
        """A concordance: every word whose ``by`` column is ``pattern`` (or matches it in full,
        ``regex``), with ``context`` words each side, filtered by a frame of the sentence, the
        speaker, the word's UPOS and document metadata. The words are shown normalised (``norm``:
        lost ZWNJs restored), whatever ``by`` searches. Columns ``doc_id``, ``sent_id``,
        ``index``, ``left``, ``match``, ``right``, ``lemma``, ``upos``, ``speaker``, ``frames``."""
        if by not in KWIC_BY:
            raise CorpusError(f"--by {by}: choose one of {', '.join(KWIC_BY)}")
        if frame is not None and frame not in frame_labels():
            raise CorpusError(f"--frame {frame}: not a frame label ({', '.join(frame_labels())})")
        if upos is not None and upos not in upos_labels():
            raise CorpusError(f"--upos {upos}: not a UPOS tag")
        tokens = self.tokens
        if regex:
            try:
                compiled = re.compile(pattern)
            except re.error as error:
                raise CorpusError(f"{pattern!r}: not a regular expression ({error})") from None
            hits = tokens[by].map(lambda value: compiled.fullmatch(str(value)) is not None)
        else:
            hits = tokens[by] == pattern
        selected = self.sentences
        if frame is not None:
            selected = selected[has_frame(selected, frame)]
        if speaker is not None:
            if speaker not in set(self.sentences["speaker"].dropna()):
                known = ", ".join(sorted(set(self.sentences["speaker"].dropna()))[:8])
                raise CorpusError(f"--speaker {speaker}: no sentence of this speaker (speakers: {known or 'none'})")
            selected = selected[selected["speaker"] == speaker]
        for key, value in (meta or {}).items():
            column = f"meta_{key}"
            if column not in selected:
                raise CorpusError(f"--meta {key}: the corpus has no such metadata "
                                  f"({', '.join(c[5:] for c in selected if c.startswith('meta_')) or 'none'})")
            selected = selected[selected[column] == value]
        hits &= tokens["sent_id"].isin(set(selected["sent_id"]))
        if upos is not None:
            hits &= tokens["upos"] == upos
        rows = []
        by_sentence = self.words_by_sentence()
        for _, token in tokens[hits].iterrows():
            words = by_sentence[token["sent_id"]]
            position = token["index"] - 1
            forms = list(words["norm"])
            rows.append({
                "doc_id": token["doc_id"], "sent_id": token["sent_id"], "index": token["index"],
                "left": " ".join(forms[max(0, position - context):position]), "match": token["norm"],
                "right": " ".join(forms[position + 1:position + 1 + context]), "lemma": token["lemma"],
                "upos": token["upos"], "speaker": token["speaker"], "frames": token["frames"]})
        return pd.DataFrame(rows, columns=["doc_id", "sent_id", "index", "left", "match", "right", "lemma", "upos",
                                           "speaker", "frames"])


def has_frame(sentences: pd.DataFrame, label: str) -> pd.Series:
    """Which rows of a ``sentences`` table carry the frame ``label``."""
    return sentences["frames"].str.split(",").map(lambda found: label in found)


def _conllu_rows(folder: Path) -> list[dict]:
    from gofteman.export.hf import document_meta, sentence_row

    rows = []
    paths = sorted(folder.glob("*.conllu"))
    for path in tqdm(paths, desc=f"reading {folder}", unit="doc", disable=len(paths) < PROGRESS_FROM):
        try:
            sentences = conllu.read(path)
        except conllu.ConlluError as error:
            raise CorpusError(str(error)) from None
        meta = document_meta(sentences)
        rows.extend(sentence_row(sentence, path.stem, meta, sorted(meta)) for sentence in sentences)
    return rows


def _parquet_rows(folder: Path) -> list[dict]:
    """The rows of the ``sentences`` config, class labels decoded to their names."""
    upos, tags, labels = upos_labels(), ner_tags(), frame_labels()
    table = pd.concat([pd.read_parquet(path) for path in sorted(folder.glob("*.parquet"))], ignore_index=True)
    rows = []
    for record in table.to_dict("records"):
        record = {key: (list(value) if hasattr(value, "tolist") else value) for key, value in record.items()}
        record["upos"] = [upos[i] for i in record["upos"]]
        record["ner_tags"] = [tags[i] for i in record["ner_tags"]]
        record["frames"] = None if record["frames"] is None else [labels[i] for i in record["frames"]]
        record["frame_spans"] = [{**span, "label": labels[span["label"]]} for span in record["frame_spans"]]
        rows.append(record)
    return rows


def _label_confidence(row: dict) -> dict[str, float]:
    """A sentence row's label -> confidence (empty where the corpus carries none)."""
    return dict(zip(row["frames"] or [], row.get("frame_confidence") or []))


def _confident(row: dict, min_confidence: float) -> dict:
    """The row with only the frame labels of at least ``min_confidence``, and their evidence."""
    confidence = _label_confidence(row)
    kept = [label for label in row["frames"] or [] if confidence.get(label, 0.0) >= min_confidence]
    return {**row, "frames": None if row["frames"] is None else kept,
            "frame_confidence": None if row.get("frame_confidence") is None else [confidence[label] for label in kept],
            "frame_spans": [span for span in row["frame_spans"] if span["label"] in kept]}


def _speakers(sentences: pd.DataFrame, labels: list[str]) -> pd.DataFrame:
    spoken = sentences[sentences["speaker"].notna()]
    rows = []
    for (doc_id, speaker), group in spoken.groupby(["doc_id", "speaker"], sort=True):
        rows.append({"doc_id": doc_id, "speaker": speaker, "sentences": len(group), "words": int(group["words"].sum()),
                     "direct": int((group["speech"] == "direct").sum()),
                     "indirect": int((group["speech"] == "indirect").sum()),
                     **{label: int(has_frame(group, label).sum()) for label in labels}})
    return pd.DataFrame(rows, columns=["doc_id", "speaker", "sentences", "words", "direct", "indirect", *labels])


def _documents(sentences: pd.DataFrame, meta_keys: list[str]) -> pd.DataFrame:
    grouped = sentences.groupby("doc_id", sort=True)
    documents = grouped.agg(sentences=("sent_id", "size"), words=("words", "sum")).reset_index()
    if meta_keys:
        documents = documents.merge(grouped[meta_keys].first().reset_index(), on="doc_id")
    return documents
