"""gofteman: a staged pipeline from raw Persian documents to an annotated discourse corpus."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("gofteman")
except PackageNotFoundError:  # running from a checkout that was not installed
    __version__ = "0+unknown"


def load_corpus(path: str = "corpus/hf"):
    """The corpus as a ``datasets.DatasetDict`` per config: ``{"sentences": ..., "documents": ...}``.

    ``path`` is a built ``hf`` folder (or a Hub repository name once published)."""
    from datasets import DatasetDict, load_dataset

    return DatasetDict({name: load_dataset(path, name, split="train") for name in ("sentences", "documents")})
