"""What the stanza stages (mwt, tag, ner) share: one Pipeline per run, documents batched together."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from gofteman import conllu
from gofteman.stages.base import Stage, StageResult
from gofteman.stanza_models import build_pipeline, check_device, resolve_precision


class StanzaStage(Stage):
    """A stage that annotates CoNLL-U sentences with one stanza Pipeline."""

    output_suffix = ".conllu"
    code_modules = ("gofteman.stanza_models", "gofteman.stanza_inference", "gofteman.tree_decoding",
                    "gofteman.stages.stanza_stage", "gofteman.conllu")
    libraries = ("stanza", "torch")
    processors: list[str] = []
    #: stanza reads token lists (True) or text that its own tokenizer segments (False).
    pretokenized = True
    #: The processors whose matrix products run in bfloat16 where the precision says so.
    lower_precision: tuple[str, ...] = ()

    @classmethod
    def configure(cls, path: Path | None = None, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
        """The settings, with the device checked and the precision resolved (``auto``: what this
        machine computes fastest) before anything runs, so that the stage's fingerprint records them."""
        settings = super().configure(path, overrides)
        check_device(settings["device"])
        settings["precision"] = resolve_precision(settings["precision"], settings["device"])
        return settings

    def __init__(self, models: str, device: str, precision: str, batch_size: dict[str, int],
                 documents_per_batch: int) -> None:
        self.pipeline = build_pipeline(self.processors, models, batch_size, self.pretokenized, device,
                                       resolve_precision(precision, device), self.lower_precision)
        self.documents_per_batch = documents_per_batch

    def stanza_input(self, sentence: conllu.Sentence) -> list[str]:
        """What stanza reads of a sentence: by default its surface tokens' normalised forms."""
        return sentence.normalized_forms()

    def analyse(self, sentences: list[conllu.Sentence]) -> list:
        """stanza's sentences for ``sentences`` (never empty)."""
        return self.pipeline([self.stanza_input(s) for s in sentences]).sentences

    @abstractmethod
    def annotate(self, sentences: list[conllu.Sentence], analysed: Iterable) -> None:
        """Writes stanza's analysis of each sentence into its CoNLL-U columns."""

    def process(self, doc_id: str, artifact: str) -> StageResult:
        [result] = self.process_batch([(doc_id, artifact)])
        if isinstance(result, Exception):
            raise result
        return result

    def process_batch(self, items: Iterable[tuple[str, str]]) -> Iterator[StageResult | Exception]:
        batch: list[tuple[str, str]] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.documents_per_batch:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[tuple[str, str]]) -> list[StageResult | Exception]:
        parsed: list[list[conllu.Sentence] | Exception] = []
        for doc_id, artifact in batch:
            try:
                parsed.append(conllu.parse(artifact, f"{doc_id}.conllu"))
            except conllu.ConlluError as error:
                parsed.append(error)
        sentences = [s for document in parsed if not isinstance(document, Exception) for s in document]
        if sentences:
            self.annotate(sentences, self.analyse(sentences))
        return [document if isinstance(document, Exception) else StageResult(conllu.format_sentences(document))
                for document in parsed]
