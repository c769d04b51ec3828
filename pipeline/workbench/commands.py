"""The workbench's commands: ``gofteman kwic``, ``gofteman stats`` and ``gofteman report``.

A bad argument (an unknown frame, a missing corpus, a malformed ``key=value``) is one line on
stderr and exit status 2; an empty result is one line and exit status 1.
"""

from __future__ import annotations

import argparse
import html
import sys
import unicodedata
from pathlib import Path

import pandas as pd

from gofteman.labels import frame_labels

FORMATS = ("text", "tsv", "html")
#: Right-to-left mark: a bidi terminal then lays each concordance line out right to left.
RLM = "\u200f"
EMPTY = 1


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: marks and zero-width joiners take none."""
    return sum(0 if unicodedata.category(char) in ("Mn", "Me", "Cf") else 1 for char in text)


def aligned_lines(table: pd.DataFrame) -> list[str]:
    """Concordance lines with the matches in one column: the preceding words padded at the
    start of the line (its right edge when laid out right to left)."""
    width = max((display_width(text) for text in table["left"]), default=0)
    return [f"{RLM}{' ' * (width - display_width(row.left))}{row.left}  【{row.match}】  {row.right}"
            f"    ({row.sent_id}{', ' + row.speaker if isinstance(row.speaker, str) else ''})"
            for row in table.itertuples()]


def html_page(table: pd.DataFrame, title: str) -> str:
    rows = "\n".join(
        f"<tr><td class=\"left\">{html.escape(r.left)}</td><td class=\"match\">{html.escape(r.match)}</td>"
        f"<td>{html.escape(r.right)}</td><td>{html.escape(r.speaker if isinstance(r.speaker, str) else '')}</td>"
        f"<td dir=\"ltr\">{html.escape(r.sent_id)}</td></tr>" for r in table.itertuples())
    return (f"<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}"
            "</title><style>body{font-family:Vazirmatn,\"Noto Naskh Arabic\",\"Noto Sans Arabic\",Tahoma,sans-serif}"
            "td{padding:.1rem .5rem;white-space:nowrap}td.left{text-align:left}td.match{font-weight:bold;"
            "text-align:center;color:#c62828}</style></head><body>"
            f"<h1>{html.escape(title)}</h1><table>\n{rows}\n</table></body></html>\n")


def _meta(pairs: list[str]) -> dict[str, str]:
    meta = {}
    for pair in pairs:
        key, separator, value = pair.partition("=")
        if not separator or not key:
            raise ValueError(f"--meta {pair}: write key=value")
        meta[key] = value
    return meta


def cmd_kwic(args: argparse.Namespace) -> int:
    from gofteman.workbench.corpus import Corpus

    corpus = Corpus.load(args.corpus, args.min_confidence)
    table = corpus.kwic(args.pattern, by=args.by, regex=args.regex, context=args.context, frame=args.frame,
                        speaker=args.speaker, upos=args.upos, meta=_meta(args.meta))
    if table.empty:
        print(f"gofteman kwic: no {args.by} {'matching' if args.regex else ''} {args.pattern!r} in {args.corpus}"
              " with these filters", file=sys.stderr)
        return EMPTY
    if args.format == "tsv":
        table.to_csv(sys.stdout, sep="\t", index=False)
    elif args.format == "html":
        sys.stdout.write(html_page(table, f"{args.pattern} ({args.by})"))
    else:
        print("\n".join(aligned_lines(table)))
        print(f"{len(table)} hits", file=sys.stderr)
    return 0


def _print(table: pd.DataFrame, fmt: str, title: str) -> None:
    if fmt == "tsv":
        table.to_csv(sys.stdout, sep="\t", index=False)
        return
    if fmt == "html":
        sys.stdout.write(f"<h2>{html.escape(title)}</h2>\n" + table.to_html(index=False) + "\n")
        return
    print(f"# {title}")
    print(table.to_string(index=False))
    print()


def cmd_stats(args: argparse.Namespace) -> int:
    from gofteman.workbench import stats
    from gofteman.workbench.corpus import Corpus

    corpus = Corpus.load(args.corpus, args.min_confidence)
    if args.collocates:
        table = stats.collocates(corpus, args.collocates, window=args.window, min_count=args.min_count)
        title = f"collocates of {args.collocates} (window {args.window})"
    elif args.keyness:
        table = stats.keyness(corpus, *args.keyness, min_count=args.min_count)
        title = f"keywords of {args.keyness[0]} against {args.keyness[1]}"
    else:
        _print(stats.frames_by(corpus, args.by), args.format, f"frames by {args.by}")
        table, title = stats.top_cues(corpus, args.top), f"top {args.top} cues of each frame"
    if table.empty:
        print(f"gofteman stats: {title}: nothing to show", file=sys.stderr)
        return EMPTY
    _print(table.head(args.top) if args.collocates or args.keyness else table, args.format, title)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from gofteman.workbench.corpus import Corpus
    from gofteman.workbench.report import write_report

    out = write_report(Corpus.load(args.corpus, args.min_confidence), Path(args.out))
    print(f"{out}: written", file=sys.stderr)
    return 0


def _confidence(value: str) -> float:
    number = float(value)
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"{value}: a confidence is between 0 and 1")
    return number


def _add_min_confidence(parser) -> None:
    parser.add_argument("--min-confidence", type=_confidence, default=0.0, metavar="P",
                        help="only frame labels whose rules are right at least this often on train (0-1; # frame_confidence)")


def add_commands(commands) -> None:
    """Registers the workbench commands on the CLI's subparsers."""
    kwic = commands.add_parser("kwic", help="a concordance (key word in context) of a word or a regular expression")
    kwic.add_argument("pattern", help="a form, lemma or normalised form; with --regex, a regular expression")
    kwic.add_argument("--corpus", default="corpus", help="the corpus, its conllu/ or its hf/ folder")
    kwic.add_argument("--by", choices=["form", "lemma", "norm"], default="lemma")
    kwic.add_argument("--regex", action="store_true", help="the pattern must match the whole word")
    kwic.add_argument("--frame", choices=frame_labels(), help="only sentences with this frame")
    kwic.add_argument("--speaker", help="only sentences of this speaker (as in # speaker)")
    kwic.add_argument("--upos", help="only words with this UPOS")
    kwic.add_argument("--meta", action="append", default=[], metavar="KEY=VALUE", help="document metadata (repeatable)")
    kwic.add_argument("--context", type=int, default=6, help="words on each side (default 6)")
    kwic.add_argument("--format", choices=FORMATS, default="text")
    _add_min_confidence(kwic)
    kwic.set_defaults(handler=cmd_kwic)

    stats = commands.add_parser("stats", help="frames per speaker, document, source or date; collocates; keyness")
    stats.add_argument("--corpus", default="corpus")
    stats.add_argument("--by", choices=["speaker", "document", "source", "date"], default="speaker")
    group = stats.add_mutually_exclusive_group()
    group.add_argument("--collocates", metavar="LEMMA", help="collocates of a lemma (log-likelihood, MI)")
    group.add_argument("--keyness", nargs=2, metavar=("A", "B"),
                       help="keywords of subcorpus A against B, each key=value (speaker=..., source=..., frame=...)")
    stats.add_argument("--window", type=int, default=5, help="collocation window, words each side (default 5)")
    stats.add_argument("--min-count", type=int, default=2)
    stats.add_argument("--top", type=int, default=10, help="rows of cues, collocates or keywords (default 10)")
    stats.add_argument("--format", choices=FORMATS, default="text")
    _add_min_confidence(stats)
    stats.set_defaults(handler=cmd_stats)

    report = commands.add_parser("report", help="one self-contained HTML page: summary, plots, frame sentences")
    report.add_argument("--corpus", default="corpus")
    report.add_argument("--out", default="report.html")
    _add_min_confidence(report)
    report.set_defaults(handler=cmd_report)
