"""Exports of the finished corpus: the Hugging Face dataset, spaCy DocBin, the Hub."""
