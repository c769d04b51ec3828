"""What the fork server of the worker processes imports once, before it forks them
(``local.worker_context``): the libraries every worker needs, hazm without SciPy."""

from gofteman.text.hazm_resources import import_hazm

import_hazm()

import spacy  # noqa: E402,F401
import stanza  # noqa: E402,F401
import torch  # noqa: E402,F401
