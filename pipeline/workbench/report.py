"""One self-contained HTML page for a linguist (``gofteman report``): the corpus summary, plots
of frames per speaker, per date or document and the top cues of each frame (SVG from
matplotlib, text kept as text so that the browser shapes Persian), and every sentence of each
frame with its evidence words highlighted and the rule on hover. Nothing is fetched: no
scripts, fonts or styles from the network."""

from __future__ import annotations

import html
import io
from pathlib import Path

from gofteman.constants import VERSION
from gofteman.labels import frame_labels
from gofteman.workbench.corpus import Corpus, has_frame
from gofteman.workbench.stats import frames_by, top_cues

TEMPLATE_DIR = Path(__file__).parent / "templates"
#: The frame labels as Persian headings.
FRAME_NAMES = {"hope": "امید", "threat": "تهدید", "achievement": "دستاورد", "enemy": "دشمن"}
COLOURS = {"hope": "#2e7d32", "threat": "#c62828", "achievement": "#1565c0", "enemy": "#6a1b9a"}
#: Layout metrics only: text stays text in the SVG, and the page's font stack draws it.
FONTS = ["DejaVu Sans"]
TOP_CUES = 8


def _svg(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def _bars(table, group: str, labels: list[str], title: str) -> str:
    """Grouped horizontal bars: frames (sentences) per group."""
    import matplotlib
    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    with plt.rc_context({"svg.fonttype": "none", "font.family": FONTS, "svg.hashsalt": "gofteman"}):
        figure, axes = plt.subplots(figsize=(8, 0.5 + 0.45 * len(table) * max(1, len(labels) / 2)))
        height = 0.8 / len(labels)
        for number, label in enumerate(labels):
            positions = [row + number * height for row in range(len(table))]
            axes.barh(positions, table[label], height=height, color=COLOURS.get(label), label=FRAME_NAMES.get(label, label))
        axes.set_yticks([row + 0.4 - height / 2 for row in range(len(table))], list(table[group]))
        axes.invert_yaxis()
        axes.set_xlabel("جمله‌ها")
        axes.set_title(title)
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        figure.tight_layout()
        svg = _svg(figure)
        plt.close(figure)
    return svg


def _cue_bars(cues, labels: list[str]) -> str:
    import matplotlib
    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    with plt.rc_context({"svg.fonttype": "none", "font.family": FONTS, "svg.hashsalt": "gofteman"}):
        figure, grid = plt.subplots(1, len(labels), figsize=(3.2 * len(labels), 3.5), squeeze=False)
        for axes, label in zip(grid[0], labels):
            rows = cues[cues["frame"] == label]
            axes.barh(range(len(rows)), rows["count"], color=COLOURS.get(label))
            axes.set_yticks(range(len(rows)), list(rows["cue"]))
            axes.invert_yaxis()
            axes.set_title(FRAME_NAMES.get(label, label))
        figure.tight_layout()
        svg = _svg(figure)
        plt.close(figure)
    return svg


def highlighted(words: list[str], spaces: list[bool], spans: list[dict]) -> str:
    """The sentence as HTML, each evidence span in a ``<mark>`` of its frame, the rule (and
    negation) as its title."""
    starts = {}
    for span in spans:
        starts.setdefault(span["start"] - 1, []).append(span)
    parts, index = [], 0
    while index < len(words):
        span = (starts.get(index) or [None])[0]
        if span is None:
            parts.append(html.escape(words[index]) + (" " if spaces[index] else ""))
            index += 1
            continue
        end = span["end"]
        inner = "".join(html.escape(words[i]) + (" " if spaces[i] and i < end - 1 else "") for i in range(index, end))
        rule = span["rule"] + (" (negated)" if span["negated"] else "")
        parts.append(f'<mark class="{span["label"]}" title="{html.escape(rule)}">{inner}</mark>'
                     + (" " if spaces[end - 1] else ""))
        index = end
    return "".join(parts).strip()


def render(corpus: Corpus, title: str = "گزارش پیکرهٔ گفتمان") -> str:
    """The page's HTML."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    labels = frame_labels()
    by_speaker = frames_by(corpus, "speaker")
    by_time = "date" if "meta_date" in corpus.sentences and corpus.sentences["meta_date"].nunique() > 1 else "document"
    by_group = frames_by(corpus, by_time)
    cues = top_cues(corpus, TOP_CUES)
    frame_sentences = {}
    tokens = corpus.words_by_sentence()
    spans = {sent_id: group.to_dict("records") for sent_id, group in corpus.frames.groupby("sent_id", sort=False)}
    for label in labels:
        chosen = corpus.sentences[has_frame(corpus.sentences, label)]
        frame_sentences[label] = [
            {"sent_id": row.sent_id, "speaker": row.speaker if isinstance(row.speaker, str) else None,
             "html": highlighted(list(tokens[row.sent_id]["form"]), list(tokens[row.sent_id]["space_after"]),
                                 [s for s in spans.get(row.sent_id, []) if s["label"] == label])}
            for row in chosen.itertuples()]
    environment = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(["html", "j2"]))
    summary = {"documents": len(corpus.documents), "sentences": len(corpus.sentences), "words": int(corpus.sentences["words"].sum()),
               "speakers": corpus.sentences["speaker"].nunique(),
               "frames": {label: len(frame_sentences[label]) for label in labels}}
    return environment.get_template("report.html.j2").render(
        title=title, version=VERSION, source=str(corpus.source), labels=labels, names=FRAME_NAMES,
        summary=summary, by_speaker=by_speaker.to_dict("records"), by_time=by_time,
        plots={"speakers": _bars(by_speaker, "speaker", labels, "قاب‌ها به تفکیک گوینده"),
               "time": _bars(by_group, by_time, labels, ""),
               "cues": _cue_bars(cues, labels)},
        frame_sentences=frame_sentences)


def write_report(corpus: Corpus, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(corpus), encoding="utf-8")
    return out
