"""The corpus in CWB's vertical format (``gofteman export --format vrt``), for CQPweb, Sketch
Engine, NoSketch Engine and Korp.

One word a line, tab-separated positional attributes ``word lemma upos xpos feats deprel entity
frame`` (``entity``: the IOB2 tag; ``frame``: the labels whose evidence covers the word, ``|``
between two, ``_`` for none); structural attributes ``<text id date source>``, ``<p>`` and
``<s id speaker speech frames>``; ``<g/>`` (glue) between two words the original wrote without a
space. XML special characters are escaped, so the file is also well-formed XML inside each
``<text>``. Beside it go the ``cwb-encode`` and ``cwb-makeall`` calls that index it
(``NAME.cwb.sh``) and a Sketch Engine corpus configuration (``NAME.ske``).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from gofteman.workbench.corpus import Corpus

POSITIONAL = ("lemma", "upos", "xpos", "feats", "deprel", "entity", "frame")
STRUCTURAL = {"text": ("id", "date", "source"), "p": (), "s": ("id", "speaker", "speech", "frames")}
GLUE = "<g/>"


def _value(value) -> str:
    text = "" if value is None or value != value else str(value)  # NaN: no value
    return text.replace("\t", " ").replace("\n", " ") or "_"


def _tag(name: str, values: dict) -> str:
    attributes = "".join(f" {key}={quoteattr(_value(values.get(key)))}" for key in STRUCTURAL[name])
    return f"<{name}{attributes}>"


def vertical_lines(corpus: Corpus):
    """The VRT file, line by line."""
    tokens = corpus.words_by_sentence()
    for doc_id, sentences in corpus.sentences.groupby("doc_id", sort=False):
        first = sentences.iloc[0]
        yield _tag("text", {"id": doc_id, "date": first.get("meta_date"), "source": first.get("meta_source")})
        open_paragraph = False
        for _, sentence in sentences.iterrows():
            if sentence["newpar"] or not open_paragraph:
                if open_paragraph:
                    yield "</p>"
                yield "<p>"
                open_paragraph = True
            yield _tag("s", {"id": sentence["sent_id"], "speaker": sentence["speaker"], "speech": sentence["speech"],
                             "frames": sentence["frames"]})
            words = tokens[sentence["sent_id"]]
            for position, word in enumerate(words.itertuples()):
                frame = "|".join(word.frames.split(",")) if word.frames else "_"
                yield "\t".join(escape(_value(v)) for v in (word.form, word.lemma, word.upos, word.xpos, word.feats,
                                                             word.deprel, word.entity, frame))
                if not word.space_after and position < len(words) - 1:
                    yield GLUE
            yield "</s>"
        if open_paragraph:
            yield "</p>"
        yield "</text>"


def cwb_commands(name: str, vrt: Path) -> str:
    """The shell commands that index the file with the IMS Open Corpus Workbench."""
    positional = " ".join(f"-P {attribute}" for attribute in POSITIONAL)
    structural = " ".join(f"-S {tag}:0" + "".join(f"+{a}" for a in attributes) for tag, attributes in STRUCTURAL.items())
    corpus_id = name.upper()
    return (f"#!/bin/sh\n# Index {vrt.name} with CWB 3.4+: set DATA and REGISTRY to your folders.\n"
            f"set -e\nmkdir -p \"$DATA/{name}\"\n"
            f"cwb-encode -c utf8 -xsB -d \"$DATA/{name}\" -f {vrt.name} -R \"$REGISTRY/{name}\" "
            f"{positional} {structural} -S g\n"
            f"cwb-makeall -r \"$REGISTRY\" -V {corpus_id}\n")


def sketch_engine_config(name: str, vrt: Path) -> str:
    lines = [f"NAME \"{name}\"", f"PATH \"./{name}/\"", f"VERTICAL \"./{vrt.name}\"", "ENCODING \"UTF-8\"",
             "LANGUAGE \"Persian\"", "DEFAULTLOCALE \"fa_IR.UTF-8\"", "RIGHTTOLEFT 1", "ATTRIBUTE word"]
    lines += [f"ATTRIBUTE {attribute}" for attribute in POSITIONAL]
    for tag, attributes in STRUCTURAL.items():
        lines += [f"STRUCTURE {tag} {{"] + [f"    ATTRIBUTE {a}" for a in attributes] + ["}"]
    lines += ["STRUCTURE g {", "    DISPLAYTAG 0", "    DISPLAYBEGIN \"_EMPTY_\"", "}"]
    return "\n".join(lines) + "\n"


def write_vrt(corpus: Corpus, out: Path) -> list[Path]:
    """``out`` (``NAME.vrt``) and beside it ``NAME.cwb.sh`` and ``NAME.ske``; the paths written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    name = out.stem
    with open(out, "w", encoding="utf-8", newline="\n") as handle:
        for line in vertical_lines(corpus):
            handle.write(line + "\n")
    script, config = out.with_suffix(".cwb.sh"), out.with_suffix(".ske")
    script.write_text(cwb_commands(name, out), encoding="utf-8")
    config.write_text(sketch_engine_config(name, out), encoding="utf-8")
    return [out, script, config]
