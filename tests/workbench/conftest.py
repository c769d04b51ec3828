"""A small corpus written for the workbench tests: two documents, speakers, frames, glue."""

from pathlib import Path

import pytest

ROW = "{id}\t{form}\t{lemma}\t{upos}\t_\t_\t{head}\t{deprel}\t_\t{misc}"


def sentence(sent_id: str, words: list[tuple], comments: list[str]) -> str:
    lines = [f"# sent_id = {sent_id}", *comments]
    text = []
    for index, (form, lemma, upos, misc) in enumerate(words, 1):
        lines.append(ROW.format(id=index, form=form, lemma=lemma, upos=upos, head=0 if index == 1 else 1,
                                deprel="root" if index == 1 else "dep", misc=misc or "_"))
        text.append(form + ("" if "SpaceAfter=No" in (misc or "") else " "))
    lines.insert(1, f"# text = {''.join(text).strip()}")
    return "\n".join(lines) + "\n\n"


DOC_A = (
    sentence("A-1", [("دشمن", "دشمن", "NOUN", "Frame=enemy:enemy-lexical:1"), ("توطئه", "توطئه", "NOUN", "Frame=threat:threat-plot:2"),
                     ("کرد", "کرد", "VERB", "SpaceAfter=No"), (".", ".", "PUNCT", None)],
             ["# newdoc id = A", "# meta::date = 2024-01-01", "# meta::source = radio", "# newpar",
              "# speaker = علی رضایی", "# speech = direct", "# frames = threat,enemy"])
    + sentence("A-2", [("ما", "ما", "PRON", None), ("امید", "امید", "NOUN", "Frame=hope:hope-lexical:1"),
                       ("داریم", "داشت", "VERB", "SpaceAfter=No"), (".", ".", "PUNCT", None)],
               ["# speaker = علی رضایی", "# speech = direct", "# frames = hope"])
    + sentence("A-3", [("دشمن", "دشمن", "NOUN", "Frame=enemy:enemy-lexical:1"), ("شکست", "شکست", "NOUN", None),
                       ("خورد", "خورد", "VERB", "SpaceAfter=No"), (".", ".", "PUNCT", None)],
               ["# newpar", "# frames = enemy"]))
DOC_B = (
    sentence("B-1", [("امید", "امید", "NOUN", "Frame=hope:hope-lexical:1"), ("ما", "ما", "PRON", None),
                     ("زیاد", "زیاد", "ADJ", None), ("است", "است", "AUX", "SpaceAfter=No"), (".", ".", "PUNCT", None)],
             ["# newdoc id = B", "# meta::date = 2024-02-01", "# meta::source = tv", "# newpar",
              "# speaker = مینا احمدی", "# speech = indirect", "# frames = hope"]))


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus" / "conllu"
    folder.mkdir(parents=True)
    (folder / "A.conllu").write_text(DOC_A, encoding="utf-8")
    (folder / "B.conllu").write_text(DOC_B, encoding="utf-8")
    return tmp_path / "corpus"
