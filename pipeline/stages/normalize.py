"""normalize: hazm's Normalizer plus repair of lost zero-width non-joiners.

Reads the source document (JSON: id, text, metadata) and writes the same document with its
chunks: each run of non-gap characters with its normalised form and the edit script back to the
original characters (see ``gofteman.text.normalization``). Configured by ``schemas/normalize.yaml``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path


from gofteman.constants import (
    CAP_NORMALIZED,
    CAP_SOURCE_META,
    CAP_SOURCE_TEXT,
    PROJECT_DIR,
    ZWNJ,
    ZWNJ_LEXICON_PATH,
)
from gofteman.text.hazm_resources import hazm, verb_conjugations
from gofteman.text.normalization import TextNormalizer
from gofteman.stages.base import Stage, StageConfigError, StageResult
from gofteman.text.zwnj import ZwnjLexicon, ZwnjRepairer


@lru_cache(maxsize=1)
def hazm_lexicon_forms() -> tuple[list[str], list[str]]:
    """hazm's word list and its verb conjugations (those with a ZWNJ, e.g. می‌کنند)."""
    words = [word for word, _, _ in hazm().word_tokenizer.words_list()]
    verbs = [verb for verb in verb_conjugations() if ZWNJ in verb]
    return words, verbs


class Normalize(Stage):
    name = "normalize"
    requires = frozenset({CAP_SOURCE_TEXT, CAP_SOURCE_META})
    provides = frozenset({CAP_NORMALIZED})
    output_suffix = ".json"
    config_file = "normalize.yaml"
    code_modules = ("gofteman.text.normalization", "gofteman.text.zwnj", "gofteman.text.hazm_resources")
    resources = (str(ZWNJ_LEXICON_PATH.relative_to(PROJECT_DIR)),)
    libraries = ("hazm",)

    def __init__(
        self,
        hazm: dict[str, bool],
        zwnj_repair: bool,
        zwnj_hazm_word_weight: int,
        zwnj_hazm_verb_weight: int,
        zwnj_min_count: int,
        zwnj_min_stem_count: int,
        zwnj_preference: float,
        zwnj_suffixes: dict[str, str],
        zwnj_prefixes: list[str],
        zwnj_min_compound_part_count: int,
        zwnj_min_compound_part_length: int,
    ) -> None:
        lexicon_path = ZWNJ_LEXICON_PATH
        repairer = None
        if zwnj_repair:
            if not lexicon_path.exists():
                raise StageConfigError(f"{lexicon_path}: the ZWNJ lexicon is missing; build it with "
                                       f"`make zwnj-lexicon` (needs ../shared/data/raw)")
            lexicon = ZwnjLexicon.load(lexicon_path)
            words, verbs = hazm_lexicon_forms()
            lexicon.add_forms(words, zwnj_hazm_word_weight)
            lexicon.add_forms(verbs, zwnj_hazm_verb_weight)
            repairer = ZwnjRepairer(lexicon, zwnj_suffixes, zwnj_prefixes, zwnj_min_count,
                                    zwnj_min_stem_count, zwnj_preference,
                                    zwnj_min_compound_part_count, zwnj_min_compound_part_length)
        try:
            self.normalizer = TextNormalizer(hazm, repairer)
        except TypeError as error:
            raise StageConfigError(f"normalize: bad hazm option: {error}") from None

    def process(self, doc_id: str, artifact: str) -> StageResult:
        document = json.loads(artifact)
        chunks = self.normalizer.normalize_text(document["text"])
        document["chunks"] = [chunk.to_json() for chunk in chunks]
        return StageResult(json.dumps(document, ensure_ascii=False, sort_keys=True))
