"""What every stage is: a name, what it requires and provides, its parameters, its fingerprint.

A stage turns one document's artifact from the previous stage (text) into its own artifact
(text). The runner handles files, caching and progress; a stage only transforms. Parameters are
the typed keyword arguments of ``__init__``; their values come from the stage's configuration
file under ``schemas/`` (the one source of defaults) and nothing else.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import importlib.util
import inspect
import json
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from gofteman.constants import PROJECT_DIR, SCHEMAS_DIR


def _without_docstrings(tree: ast.AST) -> ast.AST:
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
    return tree


def behaviour_bytes(path: Path) -> bytes:
    """The part of a file that can change what a stage does: Python code without its comments,
    docstrings and layout (its syntax tree), YAML and JSON without comments and layout (their
    data), any other file (models, lexicons) byte for byte. So editing a comment does not make a
    stage recompute, and the corpus manifest's fingerprints change only with behaviour."""
    raw = path.read_bytes()
    if path.suffix == ".py":
        return ast.dump(_without_docstrings(ast.parse(raw, filename=str(path)))).encode()
    if path.suffix in (".yaml", ".yml", ".json"):
        data = yaml.safe_load(raw) if path.suffix != ".json" else json.loads(raw)
        return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()
    return raw


class StageConfigError(ValueError):
    """A stage's configuration file is missing a parameter, has an unknown one, or is invalid."""


@dataclass
class StageResult:
    output: str
    warnings: list[str] = field(default_factory=list)


class Stage(ABC):
    name: ClassVar[str]
    requires: ClassVar[frozenset[str]]
    provides: ClassVar[frozenset[str]]
    output_suffix: ClassVar[str]
    #: The stage's configuration file in schemas/ (None: the stage takes no parameters).
    config_file: ClassVar[str | None] = None
    #: Modules besides the stage's own whose code decides its output.
    code_modules: ClassVar[tuple[str, ...]] = ()
    #: Data files (models, lexicons) that decide its output, relative to the project.
    resources: ClassVar[tuple[str, ...]] = ()
    #: Libraries whose version decides its output.
    libraries: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def parameters(cls) -> dict[str, inspect.Parameter]:
        signature = inspect.signature(cls.__init__)
        return {name: p for name, p in signature.parameters.items() if name != "self"}

    @classmethod
    def config_path(cls) -> Path | None:
        return SCHEMAS_DIR / cls.config_file if cls.config_file else None

    @classmethod
    def load_config(cls, path: Path | None = None) -> dict[str, Any]:
        path = path or cls.config_path()
        if path is None:
            return {}
        try:
            config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as error:
            raise StageConfigError(f"{path}: cannot read the {cls.name} configuration: {error}") from None
        if not isinstance(config, dict):
            raise StageConfigError(f"{path}: expected a mapping of parameter names to values")
        valid = cls.parameters()
        unknown = sorted(set(config) - set(valid))
        missing = sorted(set(valid) - set(config))
        if unknown or missing:
            problems = [f"unknown parameter(s) {', '.join(unknown)}"] if unknown else []
            problems += [f"missing parameter(s) {', '.join(missing)}"] if missing else []
            raise StageConfigError(f"{path}: {'; '.join(problems)}; the {cls.name} stage takes: "
                                   f"{', '.join(valid)}")
        return config

    @classmethod
    def configure(cls, path: Path | None = None, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
        """The parameters the stage runs with: its configuration file's, with ``overrides``
        (from the command line, e.g. ``models``) in place of those of them that it takes.
        Checked, but nothing is built (no model is loaded)."""
        config = cls.load_config(path)
        config.update({key: value for key, value in (overrides or {}).items() if key in config})
        return config

    @classmethod
    def build(cls, settings: dict[str, Any]) -> "Stage":
        """The stage with these parameters (from ``configure``): models and lexicons are loaded."""
        stage = cls(**settings)
        stage.settings = settings
        return stage

    @classmethod
    def from_config(cls, path: Path | None = None, overrides: dict[str, Any] | None = None) -> "Stage":
        """The stage built with its configuration file's parameters and ``overrides``."""
        return cls.build(cls.configure(path, overrides))

    @classmethod
    def input_files(cls) -> list[Path]:
        """Every file whose content decides this stage's output (besides its input). The modules
        are found, not imported: the main process of a run on workers never loads spaCy or torch."""
        modules = [inspect.getmodule(cls).__name__, *cls.code_modules]
        files = [Path(importlib.util.find_spec(name).origin) for name in modules]
        if cls.config_path():
            files.append(cls.config_path())
        files.extend(PROJECT_DIR / resource for resource in cls.resources)
        return files

    settings: dict[str, Any] = {}

    def fingerprint(self) -> str:
        """Code, resources, libraries and the parameters this instance runs with."""
        return self.settings_fingerprint(self.settings)

    @classmethod
    def settings_fingerprint(cls, settings: dict[str, Any], code_fingerprint: str | None = None) -> str:
        """The fingerprint of the stage with these parameters, without building it
        (``code_fingerprint``: the stage's, where the caller has it already)."""
        encoded = json.dumps(settings, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(((code_fingerprint or cls.code_fingerprint()) + encoded).encode()).hexdigest()

    @classmethod
    def code_fingerprint(cls) -> str:
        """What decides the stage's behaviour: its code, configuration and resources (as
        ``behaviour_bytes`` reads them) and its libraries' versions."""
        digest = hashlib.sha256(cls.name.encode())
        for path in cls.input_files():
            digest.update(path.name.encode())
            digest.update(behaviour_bytes(path))
        for library in cls.libraries:
            digest.update(f"{library}=={importlib.metadata.version(library)}".encode())
        return digest.hexdigest()

    @abstractmethod
    def process(self, doc_id: str, artifact: str) -> StageResult:
        """Turns one document's input artifact into this stage's artifact."""

    def process_batch(self, items: Iterable[tuple[str, str]]) -> Iterable[StageResult | Exception]:
        """Processes several documents; stages with models override this to batch them.

        Yields one result per item, or the exception that made that one document fail."""
        for doc_id, artifact in items:
            try:
                yield self.process(doc_id, artifact)
            except (ValueError, KeyError, IndexError) as error:
                yield error
