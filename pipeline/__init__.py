"""gofteman: a staged pipeline from raw Persian documents to an annotated discourse corpus."""

from gofteman.constants import VERSION as __version__


def load_corpus(path: str = "corpus/hf"):
    """The corpus as a ``datasets.DatasetDict`` per config: ``{"sentences": ..., "documents": ...}``.

    ``path`` is a built ``hf`` folder (or a Hub repository name once published)."""
    from datasets import DatasetDict, load_dataset

    return DatasetDict({name: load_dataset(path, name, split="train") for name in ("sentences", "documents")})


def __getattr__(name: str):
    """``from gofteman import Corpus``: the workbench's tables, imported on first use (pandas
    and DuckDB are not loaded by the pipeline's commands)."""
    if name == "Corpus":
        from gofteman.workbench.corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'gofteman' has no attribute {name!r}")
