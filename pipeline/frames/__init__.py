"""Rhetorical frames: the rule base (``schemas/frames``) and its matching over spaCy Docs."""
