import json
from pathlib import Path

import pytest

from gofteman.documents import read_inputs

LIMIT = 1_000_000


def read(path: Path, max_bytes: int = LIMIT):
    return read_inputs(path, max_bytes)


def reasons(result) -> dict[str, str]:
    return {Path(problem.origin).name: problem.reason for problem in result.problems}


def test_folder_of_text_files_with_sidecar(tmp_path: Path):
    (tmp_path / "b.txt").write_text("سلام دنیا.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("امید.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "عنوان\nدو خط", "year": 1401}), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a document", encoding="utf-8")
    result = read(tmp_path)
    assert [d.doc_id for d in result.documents] == ["a", "b"]
    assert result.documents[0].meta == {"title": "عنوان دو خط", "year": "1401"}
    assert result.ignored == [{"path": str(tmp_path / "notes.md"), "reason": "not a .txt or .jsonl file"}]


def test_jsonl_with_a_malformed_line(tmp_path: Path):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"id": "n1", "text": "خبر اول.", "source": "ایرنا"}\n'
        "\n"
        '{"id": "n2", "text": "خبر دوم.",\n'
        '{"id": 3, "text": "خبر سوم."}\n'
        '{"text": "بدون شناسه"}\n', encoding="utf-8")
    result = read(path)
    assert [(d.doc_id, d.origin) for d in result.documents] == [("n1", f"{path}:1"), ("3", f"{path}:4")]
    assert result.documents[0].meta == {"source": "ایرنا"}
    problems = {p.origin: p.reason for p in result.problems}
    assert problems[f"{path}:3"].startswith("invalid JSON (")
    assert 'must be an object with "id"' in problems[f"{path}:5"]


@pytest.mark.parametrize("name, content, expected", [
    ("empty.txt", b"", "empty document"),
    ("blank.txt", b"  \n\t\n", "document holds only whitespace"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL byte at offset 8)"),
    ("latin.txt", "Ceci est un texte français assez long, écrit en Latin-1, pour la détection. " .encode("latin-1") * 3,
     "not UTF-8 (invalid UTF-8 byte 0xe7 at offset 22); detected cp1250, which is not an encoding of Persian"),
])
def test_bad_files_are_reported_with_reason(tmp_path: Path, name, content, expected):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text("متن سالم.", encoding="utf-8")
    result = read(tmp_path)
    assert [d.doc_id for d in result.documents] == ["good"]
    assert reasons(result)[name].startswith(expected)


def test_windows_1256_is_decoded_and_noted(tmp_path: Path):
    # cp1256 has Arabic yeh (ي), not Persian yeh (ی): old Windows files spell Persian so
    text = "اين متن فارسي با رمزگذاري ويندوز نوشته شده است و بايد درست خوانده شود. " * 3
    (tmp_path / "legacy.txt").write_bytes(text.encode("cp1256"))
    [document] = read(tmp_path).documents
    assert document.text == text
    assert document.meta["source_encoding"] == "cp1256"
    assert document.warnings[0] == "decoded from cp1256, not UTF-8"


def test_huge_single_line_file_is_skipped_with_size(tmp_path: Path):
    (tmp_path / "huge.txt").write_bytes(("امید " * 2_500_000).encode("utf-8"))  # 22.5 MB, one line
    (tmp_path / "small.txt").write_text("کوچک.", encoding="utf-8")
    result = read(tmp_path, max_bytes=5_000_000)
    assert [d.doc_id for d in result.documents] == ["small"]
    assert reasons(result)["huge.txt"] == ("document is 22,500,000 bytes, over the limit of 5,000,000 "
                                           "(split it, or raise the limit with --max-bytes)")


def test_html_and_control_characters_are_warned_about(tmp_path: Path):
    (tmp_path / "web.txt").write_text("<p>سلام\x07 دنیا</p>", encoding="utf-8")
    [document] = read(tmp_path).documents
    assert document.warnings == [
        "1 control character(s): kept out of tokens, preserved in SpacesAfter",
        "2 HTML tag(s): kept out of tokens, preserved in SpacesAfter"]


def test_duplicate_and_invalid_ids(tmp_path: Path):
    (tmp_path / "a.txt").write_text("یک.", encoding="utf-8")
    (tmp_path / "docs.jsonl").write_text('{"id": "a", "text": "دو."}\n{"id": "bad id", "text": "سه."}\n',
                                         encoding="utf-8")
    result = read(tmp_path)
    assert [d.doc_id for d in result.documents] == ["a"]
    problems = [p.reason for p in result.problems]
    assert problems[0].startswith("duplicate document id 'a' (first from ")
    assert problems[1].startswith("invalid document id 'bad id'")


def test_broken_sidecar_names_the_sidecar(tmp_path: Path):
    (tmp_path / "a.txt").write_text("یک.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{broken", encoding="utf-8")
    result = read(tmp_path)
    assert result.documents == []
    assert reasons(result)["a.txt"].startswith(f"metadata {tmp_path / 'a.meta.json'}: ")


def test_bad_metadata_key(tmp_path: Path):
    (tmp_path / "a.jsonl").write_text('{"id": "x", "text": "یک.", "bad key": 1}\n', encoding="utf-8")
    assert "metadata key 'bad key' is not an identifier" in read(tmp_path).problems[0].reason


def test_missing_input_path(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        read(tmp_path / "nowhere")


def test_jsonl_text_may_hold_unicode_line_separators(tmp_path: Path):
    path = tmp_path / "web.jsonl"
    texts = ["بند اول.\u2028بند دوم.", "یک\u2029دو\u0085سه.", "ویندوز."]
    path.write_bytes(("\r\n".join(json.dumps({"id": f"w{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts))
                      + "\r\n").encode("utf-8"))
    result = read(path)
    assert not result.problems
    assert [(d.doc_id, d.origin) for d in result.documents] == [("w0", f"{path}:1"), ("w1", f"{path}:2"), ("w2", f"{path}:3")]
    assert [d.text for d in result.documents] == texts  # kept inside the text, lossless
