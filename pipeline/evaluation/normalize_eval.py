"""Measures ZWNJ repair: strip every ZWNJ from UD text, normalise, count what comes back.

For each chunk of each ``# text`` of a UD file, the ZWNJs are removed and the chunk is
normalised; a ZWNJ in the output is *restored* where the original had one at that place, and
*spurious* where it had none. Run by ``make eval-normalize``; compares stock hazm with the
configured stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gofteman import conllu
from gofteman.constants import ZWNJ
from gofteman.text.normalization import Chunk, TextNormalizer, split_chunks


@dataclass
class ZwnjScore:
    words: int = 0
    boundaries: int = 0  # ZWNJs in the gold text (inside chunks)
    restored: int = 0  # ... put back as a ZWNJ
    restored_as_space: int = 0  # ... put back as a space (a split, not a join)
    inserted: int = 0  # ZWNJs in the output
    spurious: int = 0  # ... where the gold text had none
    spurious_words: int = 0  # words with at least one spurious ZWNJ

    @property
    def restored_share(self) -> float:
        return self.restored / self.boundaries if self.boundaries else 0.0

    @property
    def spurious_share_of_insertions(self) -> float:
        return self.spurious / self.inserted if self.inserted else 0.0

    @property
    def spurious_share_of_words(self) -> float:
        return self.spurious_words / self.words if self.words else 0.0

    def as_dict(self) -> dict[str, float]:
        counts = {name: getattr(self, name) for name in self.__dataclass_fields__}
        shares = ("restored_share", "spurious_share_of_insertions", "spurious_share_of_words")
        return {**counts, **{name: getattr(self, name) for name in shares}}


def _gold_boundaries(chunk: str) -> set[int]:
    positions, letters = set(), 0
    for char in chunk:
        if char == ZWNJ:
            positions.add(letters)
        else:
            letters += 1
    return positions


def score_chunk(normalizer: TextNormalizer, gold: str, score: ZwnjScore) -> list[str]:
    """Adds one chunk to the score; returns the normalised chunk's spurious/missed notes."""
    gold = gold.strip(ZWNJ)
    glued = gold.replace(ZWNJ, "")
    gold_positions = _gold_boundaries(gold) - {0, len(glued)}
    norm, opcodes = normalizer.normalize_chunk(glued)
    chunk = Chunk(0, len(glued), norm, opcodes)
    zwnj_positions, space_positions = set(), set()
    for index, char in enumerate(norm):
        if char in (ZWNJ, " "):
            start, _ = chunk.original_span(index, index + 1)
            (zwnj_positions if char == ZWNJ else space_positions).add(start)
    score.words += max(1, len(norm.split()))
    score.boundaries += len(gold_positions)
    score.restored += len(gold_positions & zwnj_positions)
    score.restored_as_space += len(gold_positions & space_positions - zwnj_positions)
    score.inserted += len(zwnj_positions)
    spurious = zwnj_positions - gold_positions
    score.spurious += len(spurious)
    score.spurious_words += 1 if spurious else 0
    return [f"spurious: {gold} -> {norm}"] if spurious else (
        [f"missed: {gold} -> {norm}"] if gold_positions - zwnj_positions else [])


def evaluate(normalizer: TextNormalizer, ud_file: Path, errors: list[str] | None = None) -> ZwnjScore:
    score = ZwnjScore()
    for text in conllu.iter_texts(conllu.read(ud_file)):
        for start, end in split_chunks(text):
            notes = score_chunk(normalizer, text[start:end], score)
            if errors is not None:
                errors.extend(notes)
    return score


#: The UD file the ZWNJ repair is measured on (never used to build the lexicon).
EVAL_FILE = "ud/fa_perdt-ud-dev.conllu"


def run_evaluation(data_dir: Path, list_errors: bool = False) -> tuple[dict, list[Path], list[str]]:
    """The stock hazm normaliser and gofteman's, each as counts and shares; the file read; and,
    with ``list_errors``, every missed and spurious ZWNJ of gofteman's."""
    from gofteman.stages.normalize import Normalize

    ud_file = data_dir / EVAL_FILE
    if not ud_file.exists():
        raise FileNotFoundError(f"{ud_file}: evaluation data missing (set DATA=path/to/shared/data)")
    config = Normalize.load_config()
    stage = Normalize(**config)
    errors: list[str] = []
    rows = {"hazm": evaluate(TextNormalizer(config["hazm"], None), ud_file),
            "gofteman": evaluate(stage.normalizer, ud_file, errors if list_errors else None)}
    return {name: score.as_dict() for name, score in rows.items()}, [ud_file], errors
