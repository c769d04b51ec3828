import json
from pathlib import Path

from gofteman.cli import main
from tests.conftest import GLUED_TEXT


def run_cli(*args: str) -> int:
    return main(list(args))


def test_jsonl_input_with_a_bad_line(tmp_path, capsys):
    source = tmp_path / "news.jsonl"
    lines = [{"id": f"n{i}", "text": f"خبر شماره {i} امیدوارکننده است.", "source": "آزمون"} for i in range(50)]
    source.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n{oops\n",
                      encoding="utf-8")
    out = tmp_path / "out"
    code = run_cli("run", "--input", str(source), "--out", str(out), "--work", str(tmp_path / "w"), "--no-progress")
    assert code == 0
    assert len(list((out / "conllu").glob("*.conllu"))) == 50
    err = capsys.readouterr().err
    assert f"skipped: {source}:51: invalid JSON" in err
    assert "50 of 51 documents ok" in err
    assert "# meta::source = آزمون" in (out / "conllu" / "n7.conllu").read_text(encoding="utf-8")
    assert run_cli("run", "--input", str(source), "--out", str(out), "--work", str(tmp_path / "w"),
                   "--no-progress", "--strict") == 1


def test_validate_and_rebuild_commands(tmp_path, capsys):
    source = tmp_path / "doc.txt"
    source.write_text(GLUED_TEXT + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("run", "--input", str(source), "--out", str(out), "--work", str(tmp_path / "w"), "--no-progress") == 0
    assert run_cli("validate", str(out / "conllu")) == 0
    assert "1 of 1 files valid at UD level 2" in capsys.readouterr().out
    capsys.readouterr()
    assert run_cli("rebuild", str(out / "conllu" / "doc.conllu")) == 0


def test_rebuild_prints_the_original_bytes(tmp_path, capfdbinary):
    source = tmp_path / "doc.txt"
    source.write_bytes((GLUED_TEXT + "\r\n").encode("utf-8"))
    run_cli("run", "--input", str(source), "--out", str(tmp_path / "out"), "--work", str(tmp_path / "w"), "--no-progress")
    capfdbinary.readouterr()
    run_cli("rebuild", str(tmp_path / "out" / "conllu" / "doc.conllu"))
    assert capfdbinary.readouterr().out == source.read_bytes()


def test_errors_are_reported_not_raised(tmp_path, capsys):
    assert run_cli("run", "--input", str(tmp_path), "--stages", "normalize,parse", "--no-progress") == 2
    assert "unknown stage(s) parse; the stages are: normalize, tokenize, mwt, tag, ner, speakers, frames, write" in capsys.readouterr().err
    assert run_cli("run", "--input", str(tmp_path / "missing"), "--out", str(tmp_path / "o"), "--no-progress") == 2
    assert "does not exist" in capsys.readouterr().err


def test_validate_reports_an_invalid_file(tmp_path, capsys):
    bad = tmp_path / "bad.conllu"
    bad.write_text("# sent_id = 1\n# text = a b\n1\ta\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\tb\t_\t_\t_\t_\t_\t_\t_\t_\n\n",
                   encoding="utf-8")
    assert run_cli("validate", str(bad)) == 1
    assert "INVALID" in capsys.readouterr().err


def test_explain_a_sentence(capsys):
    assert run_cli("explain", "دشمن با حمله سایبری به ما آسیب میزند.") == 0
    out = capsys.readouterr().out
    assert "frames: threat, enemy" in out
    assert "+ enemy by enemy-lexical on tokens 0-0 «دشمن»" in out


def test_explain_a_corpus_sentence_by_id(capsys):
    assert run_cli("explain", "--sent-id", "000_67594997d190f86c-42") == 0
    out = capsys.readouterr().out
    assert out.startswith("# 000_67594997d190f86c-42 ")
    assert "frames:" in out
    assert run_cli("explain", "--sent-id", "nope-1") == 2


def test_train_run_from_a_missing_tagger_names_it(tmp_path, capsys):
    missing = tmp_path / "tagger-start.pt"
    assert run_cli("train", "run", "--work", str(tmp_path), "--models", str(tmp_path / "m"), "--only", "tagger",
                   "--tagger-start", str(missing)) == 2
    assert f"--tagger-start {missing}: no such file" in capsys.readouterr().err


def test_run_writes_each_stage_time_when_asked(tmp_path):
    source = tmp_path / "doc.txt"
    source.write_text(GLUED_TEXT + "\n", encoding="utf-8")
    timings = tmp_path / "timings.json"
    assert run_cli("run", "--input", str(source), "--out", str(tmp_path / "out"), "--work", str(tmp_path / "w"),
                   "--no-progress", "--stages", "normalize,tokenize", "--workers", "1", "--timings", str(timings)) == 0
    written = json.loads(timings.read_text(encoding="utf-8"))
    assert list(written["seconds"]) == ["normalize", "tokenize"]
    assert all(seconds > 0 for seconds in written["seconds"].values())
    assert written["counts"]["tokenize"] == {"ran": 1, "cached": 0, "failed": 0}


def test_run_rejects_bad_engine_arguments(tmp_path, capsys):
    assert run_cli("run", "--input", str(tmp_path), "--workers", "0") == 2
    assert "--workers must be at least 1, not 0" in capsys.readouterr().err
