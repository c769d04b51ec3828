"""Running the first stages of the pipeline over one text in memory, without files or caching:
for evaluation, ``gofteman explain`` and tests. Stages are built once per process."""

from __future__ import annotations

import json
from functools import lru_cache

from gofteman import conllu
from gofteman.stages import STAGE_NAMES, STAGES, Stage


@lru_cache(maxsize=None)
def configured_stage(name: str) -> Stage:
    return STAGES[STAGE_NAMES.index(name)].from_config()


def run_stages(text: str, last: str, doc_id: str = "text", meta: dict | None = None) -> str:
    """The CoNLL-U of ``text`` after every stage up to and including ``last``."""
    artifact = json.dumps({"id": doc_id, "text": text, "meta": meta or {}})
    for name in STAGE_NAMES[: STAGE_NAMES.index(last) + 1]:
        artifact = configured_stage(name).process(doc_id, artifact).output
    return artifact


def annotate(text: str, last: str, doc_id: str = "text", meta: dict | None = None) -> list[conllu.Sentence]:
    return conllu.parse(run_stages(text, last, doc_id, meta))
