"""Building stanza Pipelines from local model files, never from the network.

``shipped`` models live in ``models/fa-small`` (trained by ``make models``); ``official`` are
stanza's published Persian models in ``~/stanza_resources/fa``, which ``make models-official``
downloads for users with internet. Either way the Pipeline is built with
``download_method=None``: a missing model is an error that says how to get it.
"""

from __future__ import annotations

import logging
import os
import re
from functools import lru_cache
from pathlib import Path

from gofteman import stanza_inference
from gofteman.constants import (MODELS_OFFICIAL, MODELS_SHIPPED, ONEDNN_PRIMITIVE_CACHE_CAPACITY, PRECISION_AUTO,
                                PRECISION_BFLOAT16, PRECISION_FLOAT32, SHIPPED_MODELS_DIR)

#: processor -> (model option, file in models/fa-small, needs the pretrain too)
SHIPPED_FILES = {
    "tokenize": ("tokenizer.pt", False),
    "mwt": ("mwt.pt", False),
    "pos": ("tagger.pt", True),
    "lemma": ("lemmatizer.pt", False),
    "depparse": ("parser.pt", True),
    "ner": ("ner.pt", True),
}
PRETRAIN_FILE = "pretrain.pt"
#: processor -> its (forward, backward) character language models, read where both files are in
#: the models folder (a tagger trained with ``tagger_charlm``; the shipped one has none)
SHIPPED_CHARLMS = {"pos": ("charlm_forward.pt", "charlm_backward.pt")}


class ModelsNotFoundError(FileNotFoundError):
    """The chosen models are not on this machine."""


def shipped_options(processors: list[str], folder: Path = SHIPPED_MODELS_DIR) -> dict[str, str]:
    options = {}
    missing = []
    for processor in processors:
        name, needs_pretrain = SHIPPED_FILES[processor]
        options[f"{processor}_model_path"] = str(folder / name)
        if needs_pretrain:
            options[f"{processor}_pretrain_path"] = str(folder / PRETRAIN_FILE)
        charlms = [folder / name for name in SHIPPED_CHARLMS.get(processor, ())]
        if charlms and all(path.exists() for path in charlms):
            options[f"{processor}_forward_charlm_path"], options[f"{processor}_backward_charlm_path"] = map(str, charlms)
    for path in sorted(set(options.values())):
        if not Path(path).exists():
            missing.append(path)
    if missing:
        raise ModelsNotFoundError(f"shipped models missing: {', '.join(missing)}; rebuild them with "
                                  f"`make models` (needs ../shared/data) or check out models/ again")
    return options


def official_models_dir() -> Path:
    """Where stanza keeps its downloads (``STANZA_RESOURCES_DIR`` or ``~/stanza_resources``)."""
    return Path(os.environ.get("STANZA_RESOURCES_DIR", Path.home() / "stanza_resources"))


def official_dir() -> Path:
    folder = official_models_dir()
    language_dir = folder / "fa"
    if not (folder / "resources.json").exists() or not language_dir.is_dir():
        raise ModelsNotFoundError(
            f"stanza's official Persian models are not in {language_dir}: run `make models-official` "
            f"(calls stanza.download('fa'), needs internet), or use the shipped models (--models shipped)")
    return folder


def build_pipeline(processors: list[str], models: str, batch_sizes: dict[str, int], pretokenized: bool = True,
                   device: str = "cpu", precision: str = PRECISION_FLOAT32, lower_precision: tuple[str, ...] = ()):
    """A stanza Pipeline from local files only (built once per process for the same arguments).
    ``batch_sizes``: stanza's batch size of each processor that has one (``pos``: sentences,
    ``depparse``: words; see stanza's ``<processor>_batch_size``).
    ``pretokenized``: it reads sentences as lists of tokens; otherwise it reads text whose
    sentences are separated by blank lines, and ``processors`` start with ``tokenize``.
    ``device``: ``cpu``, or ``cuda``/``cuda:N`` (checked by ``check_device`` when the stage is
    configured). ``precision``: ``float32``, or ``bfloat16`` for the matrix products of the
    ``lower_precision`` processors (``stanza_inference.compute_in``; resolved from ``auto`` by
    ``resolve_precision``)."""
    unknown = sorted(set(batch_sizes) - set(processors))
    if unknown:
        raise ValueError(f"batch sizes given for {', '.join(unknown)}, which this stage does not run "
                         f"(it runs {', '.join(processors)})")
    if precision not in (PRECISION_FLOAT32, PRECISION_BFLOAT16):
        raise ValueError(f"unknown precision {precision!r}: use {PRECISION_FLOAT32} or {PRECISION_BFLOAT16}")
    return _build_pipeline(tuple(processors), models, tuple(sorted(batch_sizes.items())), pretokenized, device,
                           precision, tuple(lower_precision))


def cpu_has_bfloat16() -> bool:
    """The CPU computes bfloat16 natively (AVX-512 BF16 or AMX, read from Linux's
    ``/proc/cpuinfo``); elsewhere torch emulates it, more slowly than float32."""
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").split()
    except OSError:
        return False
    return any(flag in ("avx512_bf16", "amx_bf16") for flag in flags)


def resolve_precision(precision: str, device: str) -> str:
    """``auto``: ``bfloat16`` on a CPU that computes it natively, ``float32`` elsewhere (on a GPU
    the models are fast in float32)."""
    if precision == PRECISION_AUTO:
        return PRECISION_BFLOAT16 if device == "cpu" and cpu_has_bfloat16() else PRECISION_FLOAT32
    if precision not in (PRECISION_FLOAT32, PRECISION_BFLOAT16):
        raise ValueError(f"unknown precision {precision!r}: use {PRECISION_AUTO}, {PRECISION_FLOAT32} "
                         f"or {PRECISION_BFLOAT16}")
    return precision


def check_device(device: str) -> None:
    if device == "cpu":
        return
    if not re.fullmatch(r"cuda(:\d+)?", device):
        raise ValueError(f"unknown device {device!r}: use cpu, cuda or cuda:N")
    import torch

    if not torch.cuda.is_available():
        raise ValueError(f"device {device}: torch sees no CUDA GPU on this machine (use --device cpu)")


@lru_cache(maxsize=4)
def _build_pipeline(processors: tuple[str, ...], models: str, batch_sizes: tuple[tuple[str, int], ...],
                    pretokenized: bool, device: str, precision: str, lower_precision: tuple[str, ...]):
    # oneDNN keeps every bfloat16 kernel it builds for a new shape (1,024 by default, about a
    # gigabyte more for a worker of the tag stage); 16 are as fast here (docs/experiments.md). Read
    # when oneDNN first builds one, so it is set before any model runs; a user's value stands.
    os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", str(ONEDNN_PRIMITIVE_CACHE_CAPACITY))
    import stanza
    import torch

    options = {"download_method": None, "use_gpu": device != "cpu", "device": device, "logging_level": "ERROR",
               **{f"{name}_batch_size": size for name, size in batch_sizes}}
    if pretokenized:
        processors = ("tokenize", *processors)
        options["tokenize_pretokenized"] = True
    else:
        options["tokenize_no_ssplit"] = True
    if models == MODELS_SHIPPED:
        options.update(shipped_options([name for name in processors if name in SHIPPED_FILES and
                                        not (pretokenized and name == "tokenize")]))
        options.update(dir=str(SHIPPED_MODELS_DIR), allow_unknown_language=True)
    elif models == MODELS_OFFICIAL:
        options.update(dir=str(official_dir()))
    else:
        raise ValueError(f"unknown models {models!r}: use {MODELS_SHIPPED!r} or {MODELS_OFFICIAL!r}")
    logging.getLogger("stanza").setLevel(logging.ERROR)
    stanza_inference.install()
    with stanza_inference.without_optimizers():
        pipeline = stanza.Pipeline(lang="fa", processors=",".join(processors), **options)
    for name in lower_precision if precision == PRECISION_BFLOAT16 else ():
        stanza_inference.compute_in(pipeline.processors[name].trainer.model, torch.bfloat16)
    return pipeline


def download_official() -> None:
    """``make models-official``: stanza's published Persian models (needs internet)."""
    import requests
    import stanza

    folder = official_models_dir()
    try:
        stanza.download("fa", model_dir=str(folder), processors="tokenize,mwt,pos,lemma,depparse,ner")
    except (requests.exceptions.RequestException, OSError) as error:
        raise ModelsNotFoundError(f"could not download stanza's Persian models into {folder}: {error}. "
                                  f"This needs internet; the shipped models work offline") from None
