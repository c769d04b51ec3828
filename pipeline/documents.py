"""Reading input documents: a folder of ``.txt`` files (with optional ``.meta.json`` sidecars),
a ``.jsonl`` file of ``{"id", "text", ...metadata}`` objects, or a single ``.txt`` file.

Nothing is dropped silently: every file and JSONL line becomes either a ``SourceDocument`` or an
``InputProblem`` with the reason, and files that are not documents are listed as ignored.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from gofteman.constants import (
    DOC_ID_PATTERN,
    JSONL_SUFFIX,
    SIDECAR_SUFFIX,
    TEXT_SUFFIX,
)

#: Legacy encodings that Persian text really comes in; anything else that is not UTF-8 is
#: rejected rather than guessed at.
ACCEPTED_LEGACY_ENCODINGS = {"cp1256", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "iso8859_6"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,500})?/?>|<!--.*?-->", re.DOTALL)
_META_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass
class SourceDocument:
    doc_id: str
    text: str
    origin: str
    meta: dict[str, str] = field(default_factory=dict)
    sha256: str = ""
    size_bytes: int = 0
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"id": self.doc_id, "origin": self.origin, "sha256": self.sha256,
                "bytes": self.size_bytes, "meta": self.meta, "warnings": self.warnings,
                "text": self.text}

    @classmethod
    def from_json(cls, data: dict) -> "SourceDocument":
        return cls(doc_id=data["id"], text=data["text"], origin=data["origin"], meta=data["meta"],
                   sha256=data["sha256"], size_bytes=data["bytes"], warnings=data["warnings"])


@dataclass
class InputProblem:
    origin: str
    reason: str
    doc_id: str | None = None
    sha256: str | None = None


@dataclass
class InputSet:
    documents: list[SourceDocument] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    ignored: list[dict[str, str]] = field(default_factory=list)


class InputError(ValueError):
    """A document that cannot be read; the message says why."""


def decode(data: bytes) -> tuple[str, str]:
    """Decodes document bytes; returns the text and the encoding used."""
    nul = data.find(b"\x00")
    if nul >= 0 and not (data.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise InputError(f"binary file (NUL byte at offset {nul})")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = f"invalid UTF-8 byte 0x{data[error.start]:02x} at offset {error.start}"
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"binary or undecodable file ({utf8_error})")
    if best.encoding not in ACCEPTED_LEGACY_ENCODINGS:
        raise InputError(f"not UTF-8 ({utf8_error}); detected {best.encoding}, which is not an "
                         f"encoding of Persian text: convert the file to UTF-8")
    return str(best), best.encoding


def inspect_text(text: str, max_bytes: int) -> list[str]:
    """Checks decoded text; raises InputError for unusable text, returns warnings otherwise."""
    size = len(text.encode("utf-8"))
    if not text.strip():
        raise InputError("empty document" if not text else "document holds only whitespace")
    if size > max_bytes:
        raise InputError(f"document is {size:,} bytes, over the limit of {max_bytes:,} "
                         f"(split it, or raise the limit with --max-bytes)")
    warnings = []
    controls = len(_CONTROL.findall(text))
    if controls:
        warnings.append(f"{controls} control character(s): kept out of tokens, preserved in "
                        f"SpacesAfter")
    tags = len(_HTML_TAG.findall(text))
    if tags:
        warnings.append(f"{tags} HTML tag(s): kept out of tokens, preserved in SpacesAfter")
    return warnings


def check_doc_id(doc_id: object) -> str:
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not re.fullmatch(DOC_ID_PATTERN, doc_id):
        raise InputError(f"invalid document id {doc_id!r}: use letters, digits, '.', '_' or '-' "
                         f"(at most 200, starting with a letter or digit)")
    return doc_id


def clean_meta(meta: dict, origin: str) -> dict[str, str]:
    cleaned = {}
    for key, value in meta.items():
        if not _META_KEY.fullmatch(key):
            raise InputError(f"{origin}: metadata key {key!r} is not an identifier "
                             f"([A-Za-z_][A-Za-z0-9_]*)")
        if isinstance(value, (dict, list)):
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        cleaned[key] = " ".join(str(value).split())  # CoNLL-U comments are one line
    return cleaned


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class InputReader:
    """Collects the documents under an input path into an ``InputSet``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.result = InputSet()
        self._seen: dict[str, str] = {}

    def read(self, path: Path) -> InputSet:
        if not path.exists():
            raise FileNotFoundError(f"input {path} does not exist")
        if path.is_dir():
            for child in sorted(path.iterdir()):
                self._read_entry(child)
        else:
            self._read_entry(path, explicit=True)
        return self.result

    def _read_entry(self, path: Path, explicit: bool = False) -> None:
        if path.name.endswith(SIDECAR_SUFFIX):
            if not path.with_name(path.name[: -len(SIDECAR_SUFFIX)] + TEXT_SUFFIX).exists():
                self.result.ignored.append({"path": str(path), "reason": "sidecar without a .txt"})
            return
        if path.suffix == TEXT_SUFFIX or (explicit and path.suffix != JSONL_SUFFIX):
            self._read_text_file(path)
        elif path.suffix == JSONL_SUFFIX:
            self._read_jsonl(path)
        else:
            reason = "a folder (folders are not read recursively)" if path.is_dir() else \
                f"not a {TEXT_SUFFIX} or {JSONL_SUFFIX} file"
            self.result.ignored.append({"path": str(path), "reason": reason})

    def _add(self, origin: str, doc_id: object, text: str | None, data: bytes,
             meta: dict, warnings: list[str]) -> None:
        digest = _sha256(data)
        try:
            doc_id = check_doc_id(doc_id)
            if doc_id in self._seen:
                raise InputError(f"duplicate document id {doc_id!r} (first from {self._seen[doc_id]})")
            if text is None:
                text, encoding = decode(data)
                if encoding != "utf-8":
                    warnings = [f"decoded from {encoding}, not UTF-8"] + warnings
                    meta = {**meta, "source_encoding": encoding}
            warnings = warnings + inspect_text(text, self.max_bytes)
            meta = clean_meta(meta, origin)
        except InputError as error:
            self.result.problems.append(InputProblem(origin, str(error), doc_id if isinstance(doc_id, str) else None, digest))
            return
        self._seen[doc_id] = origin
        self.result.documents.append(SourceDocument(doc_id, text, origin, meta, digest, len(data), warnings))

    def _read_text_file(self, path: Path) -> None:
        data = path.read_bytes()
        sidecar = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)
        meta: dict = {}
        if sidecar.exists():
            try:
                meta = json.loads(sidecar.read_text(encoding="utf-8"))
                if not isinstance(meta, dict):
                    raise ValueError("the sidecar must hold a JSON object")
            except (ValueError, UnicodeDecodeError) as error:
                self.result.problems.append(InputProblem(str(path), f"metadata {sidecar}: {error}",
                                                         path.stem, _sha256(data)))
                return
        self._add(str(path), path.stem, None, data, meta, [])

    def _read_jsonl(self, path: Path) -> None:
        raw = path.read_bytes()
        try:
            content = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            self.result.problems.append(InputProblem(
                str(path), f"JSONL file is not UTF-8 (byte {error.start})", None, _sha256(raw)))
            return
        # JSON Lines end a line with "\n" (or "\r\n") only: a string may hold U+2028, U+2029 or
        # U+0085, which ``str.splitlines`` would also split on
        for number, line in enumerate(content.split("\n"), 1):
            line = line.removesuffix("\r")
            origin = f"{path}:{number}"
            if not line.strip():
                continue
            data = line.encode("utf-8")
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                self.result.problems.append(InputProblem(
                    origin, f"invalid JSON ({error.msg} at column {error.colno})", None, _sha256(data)))
                continue
            if not isinstance(record, dict) or "id" not in record or not isinstance(record.get("text"), str):
                self.result.problems.append(InputProblem(
                    origin, 'each line must be an object with "id" and a string "text"', None, _sha256(data)))
                continue
            meta = {key: value for key, value in record.items() if key not in ("id", "text")}
            self._add(origin, record["id"], record["text"], record["text"].encode("utf-8"), meta, [])


def read_inputs(path: Path, max_bytes: int) -> InputSet:
    return InputReader(max_bytes).read(path)
