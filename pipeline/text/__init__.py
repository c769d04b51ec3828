"""The Persian text layer: hazm normalisation, ZWNJ repair and hazm's lexical resources."""
