"""gofteman: a staged pipeline from raw Persian documents to an annotated discourse corpus."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("gofteman")
except PackageNotFoundError:  # running from a checkout that was not installed
    __version__ = "0+unknown"
