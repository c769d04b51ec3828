import pytest
import spacy
from spacy.tokens import DocBin

from gofteman import conllu
from gofteman.cli import main
from gofteman.constants import PROJECT_DIR
from gofteman.export.hub import PublishError, publish
from gofteman.export.spacy_docbin import export_docbin
from gofteman.frames.docs import read_frames

CORPUS = PROJECT_DIR / "corpus"


def test_dry_run_writes_the_folder_that_would_be_uploaded(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    from datasets import load_dataset

    target = tmp_path / "upload"
    assert main(["publish", "--folder", str(CORPUS / "hf"), "--dry-run", str(target)]) == 0
    uploaded = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert uploaded == sorted(p.relative_to(CORPUS / "hf").as_posix() for p in (CORPUS / "hf").rglob("*") if p.is_file())
    assert [name.split("/")[0] for name in uploaded] == ["README.md", "documents", "sentences"]
    for name in ("sentences", "documents"):
        assert (load_dataset(str(target), name, split="train").to_list()
                == load_dataset(str(CORPUS / "hf"), name, split="train").to_list())


def test_missing_token_fails_before_uploading(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("HF_TOKEN", raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))  # no stored login
    monkeypatch.setattr("gofteman.export.hub.get_token", lambda: None)
    with pytest.raises(PublishError, match="no Hugging Face token: set HF_TOKEN"):
        publish(CORPUS / "hf", "someone/gofteman")
    assert main(["publish", "--folder", str(CORPUS / "hf"), "--repo", "someone/gofteman"]) == 1
    assert "nothing was uploaded" in capsys.readouterr().err


def test_publish_needs_a_built_folder(tmp_path):
    with pytest.raises(PublishError, match="holds no dataset"):
        publish(tmp_path, "someone/gofteman")


def test_docbin_round_trips_entities_and_frame_spans(tmp_path):
    output = tmp_path / "corpus.spacy"
    count = export_docbin(CORPUS / "conllu", output)
    sentences = [s for path in sorted((CORPUS / "conllu").glob("*.conllu")) for s in conllu.read(path)]
    assert count == len(sentences)
    docs = list(DocBin().from_disk(output).get_docs(spacy.blank("fa").vocab))
    for doc, sentence in zip(docs, sentences):
        spans = read_frames(sentence)[1]
        assert [(s.label_, s.start, s.end, s.id_) for s in doc.spans["frames"]] == \
            [(s.label, s.start, s.end, s.rule) for s in spans]
        tags = [conllu.misc_get(row[conllu.MISC], "NER") for row in sentence.words()]
        assert [(e.label_, e.start) for e in doc.ents] == [(t[2:], i) for i, t in enumerate(tags) if t and t.startswith("B-")]
    assert any(len(doc.spans["frames"]) > 1 for doc in docs)


def test_no_network_fails_clearly(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network is unreachable (test)")

    monkeypatch.setenv("HF_TOKEN", "hf_not_a_real_token")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    with pytest.raises(PublishError, match="someone/gofteman"):
        publish(CORPUS / "hf", "someone/gofteman")
