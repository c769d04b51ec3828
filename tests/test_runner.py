import json
from pathlib import Path

import jsonschema
import pytest

from gofteman.constants import CAP_TOKENS, MANIFEST_SCHEMA_PATH
from gofteman.runner import PipelineRequirementsError, Runner, check_requirements, select_stages
from gofteman.stages import STAGE_NAMES, STAGES, Stage
from gofteman.stages.normalize import Normalize
from gofteman.stages.tokenize import Tokenize


def make_runner(input_path: Path, tmp_path: Path, names=None, from_stage=None, force=None) -> Runner:
    return Runner(input_path, tmp_path / "out", tmp_path / "work", select_stages(names, from_stage),
                  force or set(), max_bytes=1_000_000, progress=False)


def manifest(tmp_path: Path) -> dict:
    return json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))


def test_unknown_stage_lists_the_valid_ones():
    with pytest.raises(ValueError, match="unknown stage.s. parse; the stages are: normalize, tokenize, mwt, tag, ner, speakers, frames, write"):
        select_stages(["normalize", "parse"])


def test_from_stage_selects_it_and_what_follows():
    assert [s.name for s in select_stages(from_stage="ner")] == ["ner", "speakers", "frames", "write"]
    assert [s.name for s in select_stages(["write", "normalize"])] == ["normalize", "write"]


def test_requirements_are_checked_and_every_gap_reported():
    class NeedsTags(Stage):
        name = "frames"
        requires = frozenset({"conllu.UPOS", "conllu.DEPREL"})
        provides = frozenset({"conllu.frames"})
        output_suffix = ".conllu"

        def process(self, doc_id, artifact):
            raise NotImplementedError

    class NeedsFrames(NeedsTags):
        name = "export"
        requires = frozenset({"conllu.frames", "conllu.NER"})

    check_requirements(STAGES)
    with pytest.raises(PipelineRequirementsError) as caught:
        check_requirements([Normalize, Tokenize, NeedsTags, NeedsFrames])
    message = str(caught.value)
    assert "frames requires conllu.DEPREL, conllu.UPOS" in message
    assert "export requires conllu.NER" in message
    assert CAP_TOKENS in message  # what was available is listed


def test_run_then_rerun_does_no_work(input_dir, tmp_path):
    first = make_runner(input_dir, tmp_path).run()
    assert first.counts == {name: {"ran": 1, "cached": 0, "failed": 0} for name in STAGE_NAMES}
    output = (tmp_path / "out" / "conllu" / "glued.conllu").read_bytes()
    second = make_runner(input_dir, tmp_path).run()
    assert second.counts == {name: {"ran": 0, "cached": 1, "failed": 0} for name in STAGE_NAMES}
    assert (tmp_path / "out" / "conllu" / "glued.conllu").read_bytes() == output


def test_changed_document_is_the_only_one_recomputed(input_dir, tmp_path):
    (input_dir / "other.txt").write_text("سند دیگر.", encoding="utf-8")
    make_runner(input_dir, tmp_path).run()
    (input_dir / "other.txt").write_text("سند دیگر، تغییر کرده.", encoding="utf-8")
    report = make_runner(input_dir, tmp_path).run()
    assert report.counts["normalize"] == {"ran": 1, "cached": 1, "failed": 0}


def test_from_stage_forces_it_and_following_stages_use_their_cache(input_dir, tmp_path):
    make_runner(input_dir, tmp_path).run()
    report = make_runner(input_dir, tmp_path, from_stage="tokenize", force={"tokenize"}).run()
    assert report.counts == {"tokenize": {"ran": 1, "cached": 0, "failed": 0},
                             "mwt": {"ran": 0, "cached": 1, "failed": 0},
                             "tag": {"ran": 0, "cached": 1, "failed": 0},
                             "ner": {"ran": 0, "cached": 1, "failed": 0},
                             "speakers": {"ran": 0, "cached": 1, "failed": 0},
                             "frames": {"ran": 0, "cached": 1, "failed": 0},
                             "write": {"ran": 0, "cached": 1, "failed": 0}}


def test_stage_without_its_input_fails_that_document_clearly(input_dir, tmp_path):
    report = make_runner(input_dir, tmp_path, names=["tokenize"]).run()
    [record] = report.records
    assert record.status == "failed"
    assert record.reason == "tokenize: no output of normalize for this document; run that stage first"


def test_bad_inputs_are_in_the_manifest_and_good_documents_come_out(input_dir, tmp_path):
    (input_dir / "empty.txt").write_bytes(b"")
    (input_dir / "binary.txt").write_bytes(b"\x00\x01\x02")
    (input_dir / "news.jsonl").write_text('{"id": "n1", "text": "خبر."}\n{broken\n', encoding="utf-8")
    (input_dir / "control.txt").write_text("متن\x07 با نویسه کنترلی.", encoding="utf-8")
    make_runner(input_dir, tmp_path).run()
    data = manifest(tmp_path)
    jsonschema.validate(data, json.loads(MANIFEST_SCHEMA_PATH.read_text(encoding="utf-8")))
    by_origin = {Path(d["origin"]).name: d for d in data["documents"]}
    assert by_origin["empty.txt"]["status"] == "skipped" and by_origin["empty.txt"]["reason"] == "empty document"
    assert by_origin["binary.txt"]["reason"] == "binary file (NUL byte at offset 0)"
    assert by_origin["news.jsonl:2"]["reason"].startswith("invalid JSON")
    assert by_origin["control.txt"]["status"] == "ok"
    assert by_origin["control.txt"]["warnings"][0].startswith("1 control character(s)")
    assert by_origin["glued.txt"]["sentences"] == 3
    assert data["summary"] == {"documents": 6, "ok": 3, "skipped": 3, "failed": 0,
                               "sentences": 5, "tokens": sum(d["tokens"] or 0 for d in data["documents"])}
    written = sorted(p.name for p in (tmp_path / "out" / "conllu").iterdir())
    assert written == ["control.conllu", "glued.conllu", "n1.conllu"]


def test_removed_document_is_removed_from_the_corpus(input_dir, tmp_path):
    (input_dir / "gone.txt").write_text("به زودی حذف می‌شود.", encoding="utf-8")
    make_runner(input_dir, tmp_path).run()
    (input_dir / "gone.txt").unlink()
    make_runner(input_dir, tmp_path).run()
    assert sorted(p.name for p in (tmp_path / "out" / "conllu").iterdir()) == ["glued.conllu"]
    assert not list((tmp_path / "work").rglob("gone*"))


def test_output_is_deterministic(input_dir, tmp_path):
    make_runner(input_dir, tmp_path / "a").run()
    make_runner(input_dir, tmp_path / "b").run()
    for name in ("conllu/glued.conllu", "manifest.json"):
        assert (tmp_path / "a" / "out" / name).read_bytes() == (tmp_path / "b" / "out" / name).read_bytes()


def test_warnings_survive_cached_runs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text(" ".join(["واژه"] * 350), encoding="utf-8")
    make_runner(folder, tmp_path).run()
    first = manifest(tmp_path)["documents"][0]["warnings"]
    make_runner(folder, tmp_path).run()
    assert manifest(tmp_path)["documents"][0]["warnings"] == first == ["sentence long-1 cut after 300 tokens"]


def test_manifest_lists_jsonl_lines_in_order(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [f'{{"id": "d{i}", "text": "سند {i}."}}' for i in range(1, 12)]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    make_runner(folder, tmp_path).run()
    origins = [d["origin"].rsplit(":", 1)[1] for d in manifest(tmp_path)["documents"]]
    assert origins == [str(i) for i in range(1, 12)]


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def _processes_in_group(group: int) -> set[int]:
    """The live processes of a process group, read from /proc."""
    members = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):  # it exited while we read
            continue
        if fields[0] != "Z" and int(fields[2]) == group:  # state, ppid, pgrp
            members.add(int(stat.parent.name))
    return members


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc (Linux)")
def test_a_run_killed_at_any_point_finishes_right_when_run_again(tmp_path):
    """kill -9 in the middle of a real run, then the same command: every document comes out
    as an uninterrupted run writes it, no half-written file is left, and no worker process of
    the killed run is left waiting for it."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import GLUED_TEXT

    source = tmp_path / "input"
    source.mkdir()
    for number in range(400):
        (source / f"doc{number:03d}.txt").write_text(f"سند {number}.\n{GLUED_TEXT}\n", encoding="utf-8")

    def command(work: Path) -> list[str]:
        return [sys.executable, "-m", "gofteman", "run", "--input", str(source), "--out", str(tmp_path / "out"),
                "--work", str(work), "--stages", "normalize,tokenize", "--workers", "2", "--no-progress"]

    subprocess.run(command(tmp_path / "clean"), check=True, capture_output=True)
    killed = tmp_path / "killed"
    # a session of its own: its workers and fork server are then the processes of its group
    process = subprocess.Popen(command(killed), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while len(list((killed / "tokenize").glob("*.conllu"))) < 20 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _processes_in_group(process.pid) - {process.pid}, "the run started no worker processes"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 30
    while _processes_in_group(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = _processes_in_group(process.pid)
    if survivors:
        os.killpg(process.pid, signal.SIGKILL)
    assert not survivors, f"{len(survivors)} processes of the killed run are still running"
    left = sorted((killed / "tokenize").glob("*.conllu"))
    assert 20 <= len(left) < 400, f"the kill came at {len(left)} of 400 documents"
    from gofteman import conllu

    assert all(conllu.read(path) for path in left)  # whole files only: each parses
    subprocess.run(command(killed), check=True, capture_output=True)
    assert _tree(killed) == _tree(tmp_path / "clean")
    assert not [path for path in killed.rglob(".*.tmp")]
