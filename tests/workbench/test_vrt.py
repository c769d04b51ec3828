"""The CWB vertical export: well-formed, every word once, glue where the text had no space."""

import xml.etree.ElementTree as ElementTree

from gofteman.workbench.corpus import Corpus
from gofteman.workbench.vrt import POSITIONAL, write_vrt


def test_vrt_is_well_formed_with_every_word_and_its_attributes(small_corpus, tmp_path):
    vrt, script, config = write_vrt(Corpus.load(small_corpus), tmp_path / "out" / "test.vrt")
    text = vrt.read_text(encoding="utf-8")
    root = ElementTree.fromstring(f"<corpus>{text}</corpus>")  # well-formed XML around the texts
    texts = root.findall("text")
    assert [(t.get("id"), t.get("date"), t.get("source")) for t in texts] == [
        ("A", "2024-01-01", "radio"), ("B", "2024-02-01", "tv")]
    assert len(texts[0].findall("p")) == 2  # A-3 opens a second paragraph
    first = texts[0].find("p/s")
    assert (first.get("id"), first.get("speaker"), first.get("speech"), first.get("frames")) == (
        "A-1", "علی رضایی", "direct", "threat,enemy")
    words = [line.split("\t") for line in text.splitlines() if not line.startswith("<")]
    assert len(words) == 17 and all(len(columns) == 1 + len(POSITIONAL) for columns in words)
    assert words[0] == ["دشمن", "دشمن", "NOUN", "_", "_", "root", "O", "enemy"]
    lines = text.splitlines()
    assert lines[lines.index("کرد\tکرد\tVERB\t_\t_\tdep\tO\t_") + 1] == "<g/>"  # «کرد.» had no space
    assert "-P lemma" in script.read_text() and "-S s:0+id+speaker+speech+frames" in script.read_text()
    assert "RIGHTTOLEFT 1" in config.read_text()
