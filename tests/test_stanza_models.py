"""Models come from local files only: no network on the default path, clear errors otherwise."""

import os
import socket

import pytest

from gofteman.cli import main
from gofteman.stanza_models import SHIPPED_CHARLMS, ModelsNotFoundError, official_dir, shipped_options
from tests.conftest import GLUED_TEXT


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise NetworkUsed(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_default_run_never_touches_the_network(no_network, tmp_path, capsys):
    from gofteman import stanza_models

    stanza_models._build_pipeline.cache_clear()  # build the Pipelines under the ban
    source = tmp_path / "doc.txt"
    source.write_text(GLUED_TEXT, encoding="utf-8")
    code = main(["run", "--input", str(source), "--out", str(tmp_path / "out"), "--work", str(tmp_path / "w"),
                 "--no-progress", "--strict", "--workers", "1"])  # in this process, under the ban
    assert code == 0, capsys.readouterr().err
    text = (tmp_path / "out" / "conllu" / "doc.conllu").read_text(encoding="utf-8")
    assert "\tPROPN\t" in text or "\tNOUN\t" in text


def test_official_models_missing_fail_at_once(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "stanza_resources"))
    with pytest.raises(ModelsNotFoundError, match="make models-official"):
        official_dir()
    source = tmp_path / "doc.txt"
    source.write_text(GLUED_TEXT, encoding="utf-8")
    code = main(["run", "--input", str(source), "--out", str(tmp_path / "out"), "--work", str(tmp_path / "w"),
                 "--no-progress", "--models", "official"])
    assert code == 2
    err = capsys.readouterr().err
    assert "stanza's official Persian models are not in" in err and "make models-official" in err
    assert not (tmp_path / "out" / "conllu").exists()


def test_missing_shipped_model_names_the_file(tmp_path):
    with pytest.raises(ModelsNotFoundError, match=r"shipped models missing: .*tagger.pt.*make models"):
        shipped_options(["pos"], tmp_path)


def test_tagger_reads_character_language_models_where_both_are_in_the_folder(tmp_path):
    for name in ("tagger.pt", "pretrain.pt", *SHIPPED_CHARLMS["pos"]):
        (tmp_path / name).write_bytes(b"")
    options = shipped_options(["pos"], tmp_path)
    forward, backward = SHIPPED_CHARLMS["pos"]
    assert options["pos_forward_charlm_path"] == str(tmp_path / forward)
    assert options["pos_backward_charlm_path"] == str(tmp_path / backward)
    (tmp_path / backward).unlink()
    assert "pos_forward_charlm_path" not in shipped_options(["pos"], tmp_path)


def test_shipped_models_have_no_character_language_models():
    # models.yaml tagger_charlm is false: the shipped tagger was trained without them
    assert not any("charlm" in option for option in shipped_options(["pos", "depparse", "ner"]))


def test_a_device_that_is_not_there_is_an_error(tmp_path, capsys):
    import torch

    from gofteman.stanza_models import check_device

    check_device("cpu")
    with pytest.raises(ValueError, match="unknown device 'gpu': use cpu, cuda or cuda:N"):
        check_device("gpu")
    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU: the missing-GPU error cannot be seen here")
    source = tmp_path / "doc.txt"
    source.write_text(GLUED_TEXT, encoding="utf-8")
    code = main(["run", "--input", str(source), "--out", str(tmp_path / "out"), "--work", str(tmp_path / "w"),
                 "--no-progress", "--device", "cuda", "--workers", "1"])
    assert code == 2
    assert "device cuda: torch sees no CUDA GPU on this machine (use --device cpu)" in capsys.readouterr().err


def test_onednn_keeps_few_kernels_unless_the_user_says_otherwise(monkeypatch):
    from gofteman import stanza_models
    from gofteman.constants import ONEDNN_PRIMITIVE_CACHE_CAPACITY

    stanza_models._build_pipeline.cache_clear()
    monkeypatch.delenv("ONEDNN_PRIMITIVE_CACHE_CAPACITY", raising=False)
    stanza_models.build_pipeline(["ner"], "shipped", {})
    assert os.environ["ONEDNN_PRIMITIVE_CACHE_CAPACITY"] == str(ONEDNN_PRIMITIVE_CACHE_CAPACITY)
    stanza_models._build_pipeline.cache_clear()
    monkeypatch.setenv("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "512")
    stanza_models.build_pipeline(["ner"], "shipped", {})
    assert os.environ["ONEDNN_PRIMITIVE_CACHE_CAPACITY"] == "512"
