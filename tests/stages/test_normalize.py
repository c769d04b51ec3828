import json

import pytest

from gofteman.text.normalization import Chunk, split_chunks
from gofteman.stages.base import StageConfigError
from gofteman.stages.normalize import Normalize
from tests.conftest import GLUED_TEXT


@pytest.fixture(scope="module")
def stage() -> Normalize:
    return Normalize.from_config()


def chunks_of(stage: Normalize, text: str) -> list[Chunk]:
    output = stage.process("d", json.dumps({"id": "d", "text": text, "meta": {}})).output
    return [Chunk.from_json(row) for row in json.loads(output)["chunks"]]


def test_chunks_cover_every_non_gap_character(stage):
    text = "  سلام\tدنیا <b>امید</b>\x07آینده\n"
    chunks = chunks_of(stage, text)
    assert [text[c.start:c.end] for c in chunks] == ["سلام", "دنیا", "امید", "آینده"]


def test_hazm_normalisation_and_zwnj_repair(stage):
    norms = {text: chunk.norm for chunk in chunks_of(stage, GLUED_TEXT)
             for text in [GLUED_TEXT[chunk.start:chunk.end]]}
    assert norms["نمیشویم"] == "نمی‌شویم"
    assert norms["توطئههای"] == "توطئه‌های"
    assert norms["1401"] == "۱۴۰۱"  # digits as hazm writes them
    assert norms["تأمیناجتماعی"] == "تأمین‌اجتماعی"
    assert norms["آینده"] == "آینده"


def test_arabic_letters_become_persian(stage):
    [chunk] = chunks_of(stage, "كشوري")
    assert chunk.norm == "کشوری"
    assert chunk.original_span(0, 5) == (0, 5)


def test_alignment_maps_inserted_zwnj_to_an_empty_span(stage):
    [chunk] = chunks_of(stage, "میکنند")
    zwnj = chunk.norm.index("\u200c")
    start, end = chunk.original_span(zwnj, zwnj + 1)
    assert start == end == 2
    assert chunk.original_span(0, len(chunk.norm)) == (0, 6)


def test_split_chunks_offsets():
    assert split_chunks(" a  bc\n") == [(1, 2), (4, 6)]
    assert split_chunks("") == []
    assert split_chunks("a \u200c\u200d b\u200c") == [(0, 1), (5, 7)]  # joiners alone are gap


def test_unknown_and_missing_parameters_are_listed(tmp_path):
    config = Normalize.load_config()
    config["zwnj_typo"] = 1
    del config["zwnj_min_count"]
    path = tmp_path / "normalize.yaml"
    import yaml
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    with pytest.raises(StageConfigError) as caught:
        Normalize.from_config(path)
    message = str(caught.value)
    assert "unknown parameter(s) zwnj_typo" in message
    assert "missing parameter(s) zwnj_min_count" in message
    assert "the normalize stage takes: hazm, zwnj_repair" in message


def test_bad_hazm_option_is_a_config_error(tmp_path):
    config = Normalize.load_config()
    config["hazm"] = {"no_such_option": True}
    with pytest.raises(StageConfigError, match="bad hazm option"):
        Normalize(**config)


def test_digits_the_normaliser_respells_align_one_by_one(stage):
    [chunk] = chunks_of(stage, "10.7.")
    assert chunk.norm.replace(" ", "") == "۱۰٫۷."
    dot = chunk.norm.rindex(".")
    assert chunk.original_span(dot, dot + 1) == (4, 5)
    seven = chunk.norm.index("۷")
    assert chunk.original_span(seven, seven + 1) == (3, 4)
