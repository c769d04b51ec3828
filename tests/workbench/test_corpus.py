"""The corpus tables, SQL and the concordance, on the test corpus and the committed one."""

import json

import pytest

from gofteman.constants import PROJECT_DIR
from gofteman.workbench.corpus import Corpus, CorpusError

COMMITTED = PROJECT_DIR / "corpus"


def test_tables_hold_every_word_sentence_span_and_speaker(small_corpus):
    corpus = Corpus.load(small_corpus)
    assert len(corpus.tokens) == 17 and len(corpus.sentences) == 4
    first = corpus.tokens.iloc[0]
    assert (first.doc_id, first.sent_id, first["index"], first.form, first.frames, first.speaker,
            first.meta_source) == ("A", "A-1", 1, "دشمن", "enemy", "علی رضایی", "radio")
    assert list(corpus.sentences["frames"]) == ["threat,enemy", "hope", "enemy", "hope"]
    assert list(corpus.sentences["newpar"]) == [True, False, True, True]
    assert set(zip(corpus.frames["sent_id"], corpus.frames["label"], corpus.frames["start"], corpus.frames["end"])) == {
        ("A-1", "enemy", 1, 1), ("A-1", "threat", 2, 2), ("A-2", "hope", 2, 2), ("A-3", "enemy", 1, 1), ("B-1", "hope", 1, 1)}
    speakers = corpus.speakers.set_index("speaker")
    assert speakers.loc["علی رضایی", ["sentences", "direct", "hope", "enemy"]].tolist() == [2, 2, 1, 1]
    assert speakers.loc["مینا احمدی", "indirect"] == 1
    assert list(corpus.documents["sentences"]) == [3, 1]


def test_sql_runs_on_duckdb_and_reports_its_error_in_one_line(small_corpus):
    corpus = Corpus.load(small_corpus)
    table = corpus.sql("SELECT speaker, count(*) AS n FROM frames WHERE label = 'enemy' GROUP BY speaker ORDER BY n DESC")
    assert table["n"].tolist() == [1, 1]
    with pytest.raises(CorpusError, match="^SQL: "):
        corpus.sql("SELECT nothing FROM nowhere")


def test_kwic_filters_by_frame_speaker_upos_and_metadata(small_corpus):
    corpus = Corpus.load(small_corpus)
    assert corpus.kwic("دشمن").sent_id.tolist() == ["A-1", "A-3"]
    assert corpus.kwic("دشمن", frame="threat").sent_id.tolist() == ["A-1"]
    assert corpus.kwic("امید", speaker="مینا احمدی").sent_id.tolist() == ["B-1"]
    assert corpus.kwic("امید", meta={"source": "radio"}).sent_id.tolist() == ["A-2"]
    assert corpus.kwic("دا.*", by="form", regex=True, upos="VERB").match.tolist() == ["داریم"]
    hit = corpus.kwic("امید", context=1).iloc[0]
    assert (hit.left, hit.match, hit.right) == ("ما", "امید", "داریم")
    assert corpus.kwic("هیچ").empty


@pytest.mark.parametrize("arguments, message", [
    ({"frame": "joy"}, "--frame joy: not a frame label"),
    ({"speaker": "کسی"}, "--speaker کسی: no sentence of this speaker"),
    ({"meta": {"genre": "x"}}, "--meta genre: the corpus has no such metadata"),
    ({"by": "stem"}, "--by stem: choose one of"),
    ({"regex": True, "pattern": "("}, "not a regular expression"),
])
def test_kwic_bad_arguments_name_the_argument(small_corpus, arguments, message):
    corpus = Corpus.load(small_corpus)
    with pytest.raises(CorpusError, match=message):
        corpus.kwic(**{"pattern": "دشمن", **arguments})


def test_a_missing_or_empty_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="no such corpus folder"):
        Corpus.load(tmp_path / "nowhere")
    with pytest.raises(CorpusError, match="no .conllu files"):
        Corpus.load(tmp_path)


@pytest.mark.skipif(not (COMMITTED / "hf").is_dir(), reason="the committed corpus is not built (make corpus)")
def test_the_hugging_face_folder_gives_the_same_tables_as_the_conllu():
    from_conllu, from_hf = Corpus.load(COMMITTED), Corpus.load(COMMITTED / "hf")
    assert from_conllu.source.name == "conllu" and from_hf.source.name == "hf"
    for name in ("tokens", "sentences", "frames", "speakers", "documents"):
        left, right = getattr(from_conllu, name), getattr(from_hf, name)
        assert left.astype(str).equals(right.astype(str)), name


def test_corpus_is_importable_from_the_package(small_corpus):
    from gofteman import Corpus as Exported

    assert Exported is Corpus
    assert len(Exported.load(small_corpus / "conllu").sentences) == 4


def _confident_corpus(tmp_path):
    from tests.workbench.conftest import sentence

    folder = tmp_path / "conllu"
    folder.mkdir()
    (folder / "C.conllu").write_text(
        sentence("C-1", [("دشمن", "دشمن", "NOUN", "Frame=enemy:enemy-lexical:1"), ("توطئه", "توطئه", "NOUN", "Frame=threat:threat-plot:2"),
                         ("کرد", "کرد", "VERB", "SpaceAfter=No"), (".", ".", "PUNCT", None)],
                 ["# newdoc id = C", "# frames = threat,enemy", "# frame_confidence = threat:0.74,enemy:0.93"])
        + sentence("C-2", [("امید", "امید", "NOUN", "Frame=hope:hope-lexical:1"), ("داریم", "داشت", "VERB", None)],
                   ["# frames = hope"]), encoding="utf-8")
    return folder


def test_min_confidence_keeps_the_labels_the_rules_get_right_often_enough(tmp_path):
    folder = _confident_corpus(tmp_path)
    everything, confident = Corpus.load(folder), Corpus.load(folder, min_confidence=0.9)
    assert list(everything.sentences["frames"]) == ["threat,enemy", "hope"]
    assert list(confident.sentences["frames"]) == ["enemy", ""]  # a label with no confidence is kept only at 0
    assert list(confident.frames["label"]) == ["enemy"] and list(confident.frames["confidence"]) == [0.93]
    assert everything.frames.set_index("label")["confidence"].to_dict()["threat"] == 0.74


def test_min_confidence_reads_the_dataset_the_same(tmp_path):
    from gofteman.export.hf import build_datasets, to_conllu, write_dataset

    folder = _confident_corpus(tmp_path)
    manifest = {"documents": [{"id": "C", "status": "ok"}]}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    write_dataset(folder, tmp_path / "manifest.json", tmp_path / "hf")
    assert list(Corpus.load(tmp_path / "hf", min_confidence=0.9).sentences["frames"]) == ["enemy", ""]
    sentences, _ = build_datasets(folder, manifest)
    assert sentences[0]["frame_confidence"] == pytest.approx([0.74, 0.93]) and sentences[1]["frame_confidence"] is None
    rebuilt = to_conllu(sentences)["C"]
    assert rebuilt.count("# frame_confidence = threat:0.74,enemy:0.93\n") == 1 and rebuilt.count("frame_confidence") == 1
