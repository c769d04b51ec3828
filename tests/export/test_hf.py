"""The Hugging Face dataset of the committed corpus: loads offline, types, round trip, card."""

import json
import re

import pytest
import yaml
from datasets import ClassLabel, load_dataset
from huggingface_hub import DatasetCard

from gofteman import load_corpus
from gofteman.constants import PROJECT_DIR
from gofteman.export.hf import LabelError, build_datasets, to_conllu, write_dataset

CORPUS = PROJECT_DIR / "corpus"
SEED_ID = "000_67594997d190f86c"


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hf")
    write_dataset(CORPUS / "conllu", CORPUS / "manifest.json", folder)
    return folder


def test_loads_with_load_dataset_and_keeps_types(built):
    sentences = load_dataset(str(built), split="train")
    assert isinstance(sentences.features["upos"].feature, ClassLabel)
    assert sentences.features["upos"].feature.names[:3] == ["ADJ", "ADP", "ADV"]
    assert sentences.features["ner_tags"].feature.names[0] == "O"
    assert sentences.features["frames"].feature.names == ["hope", "threat", "achievement", "enemy"]
    assert sentences.features["head"].feature.dtype == "int32"
    documents = load_dataset(str(built), "documents", split="train")
    assert documents[0]["text"].encode("utf-8") == (PROJECT_DIR / "seeds" / f"{SEED_ID}.txt").read_bytes()


def test_known_seed_sentence(built):
    sentences = load_corpus(str(built))["sentences"]
    row = sentences.filter(lambda r: r["sent_id"] == f"{SEED_ID}-42")[0]
    frames = sentences.features["frames"].feature
    assert row["text"].startswith("پدافند غیرعامل ما این است")
    assert [frames.names[i] for i in row["frames"]] == ["threat", "enemy"]
    assert {(frames.names[s["label"]], s["rule"]) for s in row["frame_spans"]} >= {("enemy", "enemy-lexical")}
    feats = re.compile(r"_|[A-Z][A-Za-z]*=[A-Za-z0-9,]+(\|[A-Z][A-Za-z]*=[A-Za-z0-9,]+)*")
    assert all(feats.fullmatch(value) for value in row["feats"])  # CoNLL-U strings, never str(dict)
    assert any("=" in value for value in row["feats"])
    assert row["meta_date"] == "2022-11-28"


def test_conllu_to_dataset_to_conllu_is_identical(built):
    sentences = load_dataset(str(built), split="train")
    rebuilt = to_conllu(sentences)
    assert rebuilt[SEED_ID] == (CORPUS / "conllu" / f"{SEED_ID}.conllu").read_text(encoding="utf-8")


def test_committed_dataset_matches_the_corpus(built):
    for name in ("sentences", "documents"):
        committed = load_dataset(str(CORPUS / "hf"), name, split="train")
        fresh = load_dataset(str(built), name, split="train")
        assert committed.to_list() == fresh.to_list()


def test_card_metadata_and_content(built):
    card = DatasetCard((built / "README.md").read_text(encoding="utf-8"))
    data = card.data.to_dict()
    assert data["language"] == ["fa"] and data["pretty_name"].startswith("gofteman")
    assert [c["config_name"] for c in data["configs"]] == ["sentences", "documents"]
    text = card.text
    for needle in ("| 11 | `PROPN` |", "| 0 | `O` |", "| 3 | `enemy` |", "## Example row", "| sentences | 111 |"):
        assert needle in text


def test_unknown_label_fails_clearly(tmp_path):
    folder = tmp_path / "conllu"
    folder.mkdir()
    text = (CORPUS / "conllu" / f"{SEED_ID}.conllu").read_text(encoding="utf-8")
    (folder / f"{SEED_ID}.conllu").write_text(text.replace("\tPROPN\t", "\tPROPERNOUN\t", 1), encoding="utf-8")
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    with pytest.raises(LabelError, match=r"sentence .*: UPOS 'PROPERNOUN' is not in the schema"):
        build_datasets(folder, manifest)


def test_card_yaml_is_valid_yaml(built):
    header = (built / "README.md").read_text(encoding="utf-8").split("---")[1]
    assert yaml.safe_load(header)["size_categories"] == ["n<1K"]


def test_a_rebuilt_dataset_never_loads_from_a_stale_cache(tmp_path):
    # the datasets library keys its cache of a local folder on the folder name and the card's
    # YAML; two builds in folders of the same name with different content must both load as built
    changed = tmp_path / "conllu"
    changed.mkdir()
    text = (CORPUS / "conllu" / f"{SEED_ID}.conllu").read_text(encoding="utf-8")
    first_word = next(line for line in text.splitlines() if line.startswith("1\t"))
    cells = first_word.split("\t")
    cells[3] = "INTJ" if cells[3] != "INTJ" else "X"
    (changed / f"{SEED_ID}.conllu").write_text(text.replace(first_word, "\t".join(cells), 1), encoding="utf-8")
    loaded = []
    for source, folder in ((CORPUS / "conllu", tmp_path / "a" / "hf"), (changed, tmp_path / "b" / "hf")):
        write_dataset(source, CORPUS / "manifest.json", folder)
        sentences = load_dataset(str(folder), split="train")
        loaded.append(sentences.features["upos"].feature.names[sentences[0]["upos"][0]])
    assert loaded == [first_word.split("\t")[3], cells[3]]
