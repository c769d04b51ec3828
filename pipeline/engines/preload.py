"""What the fork server of the worker processes imports once, before it forks them
(``local.worker_context``): the libraries every worker needs, hazm without SciPy."""

import spacy
import stanza
import torch

from gofteman.text.hazm_resources import import_hazm

import_hazm()
