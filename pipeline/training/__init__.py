"""Training the shipped stanza models from ../shared/data (``make models``)."""
