"""Runs the stages over the input documents, incrementally, and writes the manifest.

Every stage reads each document's artifact from the previous stage's folder under the work
folder and writes its own next to it with a stamp: the hash of the stage's fingerprint (code,
configuration, resources, library versions) and of the input artifact. A document whose stamp
matches is not recomputed. The last stage (write) puts its artifacts in ``OUT/conllu``.
An engine (``pipeline/engines/``: this process, worker processes, or Ray) computes what a stage
has to recompute; the runner alone reads and writes the files.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

from tqdm import tqdm

from gofteman import conllu
from gofteman.constants import (
    CAP_SOURCE_META,
    CAP_SOURCE_TEXT,
    CONLLU_DIRNAME,
    MANIFEST_FILENAME,
    STATUS_FAILED,
    STATUS_OK,
    STATUS_SKIPPED,
    VERSION,
)
from gofteman.documents import SourceDocument, read_inputs
from gofteman.engines import Engine, make_engine
from gofteman.stages import STAGE_NAMES, STAGES, Stage

SOURCE_DIRNAME = "source"
TEMPORARY_SUFFIX = ".tmp"


class PipelineRequirementsError(ValueError):
    """The chosen stages cannot run: lists every missing requirement at once."""


def select_stages(names: list[str] | None = None, from_stage: str | None = None) -> list[type[Stage]]:
    """The stages to run, in pipeline order; unknown names are an error that lists the valid ones."""
    requested = list(names or []) + ([from_stage] if from_stage else [])
    unknown = [name for name in requested if name not in STAGE_NAMES]
    if unknown:
        raise ValueError(f"unknown stage(s) {', '.join(unknown)}; the stages are: {', '.join(STAGE_NAMES)}")
    if from_stage:
        return list(STAGES[STAGE_NAMES.index(from_stage):])
    if names:
        return [stage for stage in STAGES if stage.name in names]
    return list(STAGES)


def check_requirements(chain: Sequence[type[Stage]]) -> None:
    """Checks that each stage of the chain gets what it requires from the ones before it,
    before any data is touched; one error lists every gap."""
    available = {CAP_SOURCE_TEXT, CAP_SOURCE_META}
    gaps = []
    for stage in chain:
        missing = sorted(stage.requires - available)
        if missing:
            gaps.append(f"{stage.name} requires {', '.join(missing)} (available: {', '.join(sorted(available))})")
        available |= stage.provides
    if gaps:
        raise PipelineRequirementsError("; ".join(gaps))


def chain_up_to(stages: Sequence[type[Stage]]) -> list[type[Stage]]:
    """Every stage of the pipeline up to the last of ``stages``: what they build on."""
    return list(STAGES[: max(STAGES.index(stage) for stage in stages) + 1])


def natural_key(text: str) -> list:
    """Sorts ``news.jsonl:2`` before ``news.jsonl:10``."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def write_if_changed(path: Path, text: str) -> bool:
    """Writes text unless the file already holds it (so that make sees no change). The text
    goes to a temporary file beside it, renamed over it at the end: a run killed at any moment
    leaves the old file or the new one, never half of one."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}{TEMPORARY_SUFFIX}")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return True


@dataclass
class DocumentRecord:
    doc_id: str | None
    origin: str
    sha256: str | None
    size_bytes: int | None = None
    status: str = STATUS_OK
    reason: str | None = None
    warnings: list[str] = field(default_factory=list)
    stages: dict[str, str] = field(default_factory=dict)
    sentences: int | None = None
    tokens: int | None = None

    def to_json(self) -> dict:
        return {"id": self.doc_id, "origin": self.origin, "sha256": self.sha256,
                "bytes": self.size_bytes, "status": self.status, "reason": self.reason,
                "warnings": self.warnings, "sentences": self.sentences, "tokens": self.tokens}


@dataclass
class RunReport:
    records: list[DocumentRecord]
    ignored: list[dict[str, str]]
    counts: dict[str, dict[str, int]]  # stage -> {"ran": n, "cached": n, "failed": n}
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> wall time (not in the manifest)

    @property
    def problems(self) -> list[DocumentRecord]:
        return [record for record in self.records if record.status != STATUS_OK]


class Runner:
    def __init__(self, input_path: Path, out_dir: Path, work_dir: Path,
                 stages: list[type[Stage]], force: set[str] | None = None,
                 max_bytes: int = 0, progress: bool = True, overrides: dict | None = None,
                 engine: Engine | None = None) -> None:
        check_requirements(chain_up_to(stages))
        self.input_path, self.out_dir, self.work_dir = input_path, out_dir, work_dir
        self.stage_classes = stages
        self.force = force or set()
        self.max_bytes = max_bytes
        self.progress = progress
        self.overrides = overrides or {}
        self.engine = engine
        self.code_fingerprints: dict[str, str] = {}  # read once a run: every file a stage depends on

    def code_fingerprint(self, stage: type[Stage]) -> str:
        if stage.name not in self.code_fingerprints:
            self.code_fingerprints[stage.name] = stage.code_fingerprint()
        return self.code_fingerprints[stage.name]

    # --- paths ----------------------------------------------------------------------------
    def artifact_dir(self, stage: type[Stage] | None) -> Path:
        if stage is None:
            return self.work_dir / SOURCE_DIRNAME
        if getattr(stage, "writes_corpus", False):
            return self.out_dir / CONLLU_DIRNAME
        return self.work_dir / stage.name

    def artifact(self, stage: type[Stage] | None, doc_id: str) -> Path:
        suffix = ".json" if stage is None else stage.output_suffix
        return self.artifact_dir(stage) / f"{doc_id}{suffix}"

    def stamp(self, stage: type[Stage], doc_id: str) -> Path:
        return self.work_dir / stage.name / f"{doc_id}.stamp.json"

    # --- running --------------------------------------------------------------------------
    def run(self) -> RunReport:
        """Runs the stages on the engine (this process if none was given), then closes it."""
        settings = {stage: stage.configure(overrides=self.overrides) for stage in self.stage_classes}  # errors first
        engine = self.engine or make_engine(workers=1)
        try:
            return self._run(settings, engine)
        finally:
            engine.close()

    def _run(self, settings: dict[type[Stage], dict], engine: Engine) -> RunReport:
        inputs = read_inputs(self.input_path, self.max_bytes)
        records: dict[str, DocumentRecord] = {}
        all_records = [DocumentRecord(p.doc_id, p.origin, p.sha256, None, STATUS_SKIPPED, p.reason)
                       for p in inputs.problems]
        for document in inputs.documents:
            record = DocumentRecord(document.doc_id, document.origin, document.sha256,
                                    document.size_bytes, warnings=list(document.warnings))
            records[document.doc_id] = record
            all_records.append(record)
            write_if_changed(self.artifact(None, document.doc_id),
                             json.dumps(self._source_json(document), ensure_ascii=False, sort_keys=True))
        self._prune(set(records))
        counts, seconds = {}, {}
        for stage, stage_settings in settings.items():
            started = time.perf_counter()
            counts[stage.name] = self._run_stage(stage, stage_settings, records, engine)
            seconds[stage.name] = time.perf_counter() - started
        last = STAGES[-1]
        for record in records.values():
            self._finish_record(record, last)
        all_records.sort(key=lambda r: natural_key(r.origin))
        report = RunReport(all_records, inputs.ignored, counts, seconds)
        if any(getattr(stage, "writes_corpus", False) for stage in settings):
            write_if_changed(self.out_dir / MANIFEST_FILENAME, self.manifest(report))
        return report

    @staticmethod
    def _source_json(document: SourceDocument) -> dict:
        data = document.to_json()
        del data["warnings"]  # kept in the manifest; not an input of any stage
        return data

    def _prune(self, doc_ids: set[str]) -> None:
        """Removes artifacts of documents that are no longer in the input."""
        kinds = [(self.artifact_dir(None), ".json")]
        kinds += [(self.artifact_dir(stage), stage.output_suffix) for stage in STAGES]
        kinds += [(self.work_dir / stage.name, ".stamp.json") for stage in STAGES]
        for folder, _ in kinds:  # what a killed run left half-written
            for path in sorted(folder.glob(f".*{TEMPORARY_SUFFIX}")) if folder.is_dir() else []:
                path.unlink()
        for folder, suffix in kinds:
            for path in sorted(folder.glob(f"*{suffix}")) if folder.is_dir() else []:
                if suffix != ".stamp.json" and path.name.endswith(".stamp.json"):
                    continue
                if path.name.removesuffix(suffix) not in doc_ids:
                    path.unlink()

    def _previous(self, stage: type[Stage]) -> type[Stage] | None:
        index = STAGE_NAMES.index(stage.name)
        return STAGES[index - 1] if index else None

    def _run_stage(self, stage: type[Stage], settings: dict, records: dict[str, DocumentRecord],
                   engine: Engine) -> dict[str, int]:
        counts = {"ran": 0, "cached": 0, "failed": 0}
        fingerprint = stage.settings_fingerprint(settings, self.code_fingerprint(stage))
        previous = self._previous(stage)
        todo: list[tuple[str, str]] = []  # (doc_id, key)
        for doc_id, record in records.items():
            if record.status != STATUS_OK:
                continue
            source = self.artifact(previous, doc_id)
            if not source.exists():
                record.status = STATUS_FAILED
                record.reason = (f"{stage.name}: no output of {previous.name if previous else 'input'} "
                                 f"for this document; run that stage first")
                counts["failed"] += 1
                continue
            key = hashlib.sha256(fingerprint.encode() + source.read_bytes()).hexdigest()
            stamp = self._read_stamp(stage, doc_id)
            if (stage.name not in self.force and stamp.get("key") == key
                    and self.artifact(stage, doc_id).exists()):
                record.warnings.extend(stamp.get("warnings", []))
                record.stages[stage.name] = "cached"
                counts["cached"] += 1
            else:
                todo.append((doc_id, key))
        if todo:
            items = ((doc_id, self.artifact(previous, doc_id).read_text(encoding="utf-8"))
                     for doc_id, _ in todo)
            results = engine.results(stage, settings, items)
            bar = tqdm(zip(todo, results), total=len(todo), desc=stage.name, unit="doc",
                       disable=None if self.progress else True, file=sys.stderr)  # None: off when not a terminal
            for (doc_id, key), result in bar:
                record = records[doc_id]
                if isinstance(result, Exception):
                    record.status, record.reason = STATUS_FAILED, f"{stage.name}: {result}"
                    record.stages[stage.name] = "failed"
                    counts["failed"] += 1
                    continue
                write_if_changed(self.artifact(stage, doc_id), result.output)
                write_if_changed(self.stamp(stage, doc_id),
                                 json.dumps({"key": key, "warnings": result.warnings}, ensure_ascii=False))
                record.warnings.extend(result.warnings)
                record.stages[stage.name] = "ran"
                counts["ran"] += 1
        return counts

    def _read_stamp(self, stage: type[Stage], doc_id: str) -> dict:
        path = self.stamp(stage, doc_id)
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _finish_record(self, record: DocumentRecord, last: type[Stage]) -> None:
        """Adds the counts of the finished CoNLL-U and the warnings of stages not run now."""
        if record.status != STATUS_OK:
            return
        for stage in STAGES:
            if stage.name not in record.stages and self.stamp(stage, record.doc_id).exists():
                record.warnings.extend(self._read_stamp(stage, record.doc_id).get("warnings", []))
        path = self.artifact(last, record.doc_id)
        if path.exists():
            sentences = conllu.read(path)
            record.sentences = len(sentences)
            record.tokens = sum(len(sentence.tokens()) for sentence in sentences)

    def manifest(self, report: RunReport) -> str:
        ok = [r for r in report.records if r.status == STATUS_OK]
        summary = {
            "documents": len(report.records),
            STATUS_OK: len(ok),
            STATUS_SKIPPED: sum(r.status == STATUS_SKIPPED for r in report.records),
            STATUS_FAILED: sum(r.status == STATUS_FAILED for r in report.records),
            "sentences": sum(r.sentences or 0 for r in ok),
            "tokens": sum(r.tokens or 0 for r in ok),
        }
        data = {
            "gofteman_version": VERSION,
            "input": str(self.input_path),
            "stages": {stage.name: self.code_fingerprint(stage) for stage in STAGES},
            "summary": summary,
            "documents": [record.to_json() for record in report.records],
            "ignored": report.ignored,
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def iter_problem_lines(report: RunReport) -> Iterator[str]:
    for record in report.records:
        if record.status != STATUS_OK:
            yield f"{record.status}: {record.origin}: {record.reason}"
        for warning in record.warnings:
            yield f"warning: {record.origin}: {warning}"
    for entry in report.ignored:
        yield f"ignored: {entry['path']}: {entry['reason']}"
