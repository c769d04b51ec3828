"""stanza's tagger training loop, started from the weights of a trained tagger.

stanza's parser can ``--continue_from`` a model; its tagger cannot. This runs
``stanza.models.tagger`` with its ``Trainer`` replaced by one that, when it builds a new model,
loads the start model's weights into it, and with stanza's vocabulary builder replaced by the
start model's vocabulary: the weights fit whatever the training data are, and a word the start
model does not know is unknown to it, as at run time (the recipe's fine-tuning reads sentences
the tagger never saw, the held-out slice among them). Adam starts afresh, at ``--lr``.

    python -m gofteman.training.continue_tagger START.pt <stanza.models.tagger arguments>

``gofteman train run --only tagger --tagger-start START.pt`` runs it with the recipe's arguments.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resumed_trainer(start: Path):
    """A subclass of stanza's tagger ``Trainer`` whose new models start from ``start``'s weights."""
    import torch
    from stanza.models.pos.trainer import Trainer

    class Resumed(Trainer):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            if kwargs.get("model_file") is not None:  # loading a saved model (evaluation): as stanza does
                return
            checkpoint = torch.load(start, map_location="cpu", weights_only=True)
            weights = {name: value.float() for name, value in checkpoint["model"].items()}
            # the word vectors and character language models are loaded from their own files
            try:
                result = self.model.load_state_dict(weights, strict=False)
            except RuntimeError as error:  # parameters of other shapes
                raise ValueError(f"{start}: its weights do not fit a tagger of these settings ({error})") from None
            without_weights = [key for key in result.missing_keys
                               if not key.startswith(("pretrained_emb", "charmodel_forward.", "charmodel_backward."))]
            if without_weights or result.unexpected_keys:
                raise ValueError(f"{start}: its weights do not fit a tagger of these settings (missing: "
                                 f"{', '.join(without_weights) or 'none'}; unused: {', '.join(result.unexpected_keys) or 'none'})")

    return Resumed


def start_vocabulary(start: Path):
    """A stand-in for stanza's ``Dataset.init_vocab`` that returns ``start``'s vocabulary."""
    import torch
    from stanza.models.pos.vocab import MultiVocab

    state = torch.load(start, map_location="cpu", weights_only=True)["vocab"]
    return staticmethod(lambda docs, args, tag_columns=None: MultiVocab.load_state_dict(state))


def main(argv: list[str]) -> None:
    from stanza.models import tagger

    start, *tagger_args = argv
    stanza_trainer, stanza_vocabulary = tagger.Trainer, tagger.Dataset.__dict__["init_vocab"]
    tagger.Trainer = resumed_trainer(Path(start))
    tagger.Dataset.init_vocab = start_vocabulary(Path(start))
    try:
        tagger.main(tagger_args)
    finally:
        tagger.Trainer = stanza_trainer
        tagger.Dataset.init_vocab = stanza_vocabulary


if __name__ == "__main__":
    main(sys.argv[1:])
