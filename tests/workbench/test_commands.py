"""``gofteman kwic``, ``stats``, ``report`` and ``export --format vrt`` as a user runs them."""

from gofteman.cli import main
from gofteman.workbench.commands import RLM, aligned_lines, display_width


def test_kwic_prints_aligned_lines_tsv_and_html(small_corpus, capsys):
    assert main(["kwic", "دشمن", "--corpus", str(small_corpus), "--context", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(line.startswith(RLM) for line in lines)
    assert len({display_width(line.split("【")[0]) for line in lines}) == 1  # the matches in one column
    assert main(["kwic", "امید", "--corpus", str(small_corpus), "--format", "tsv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].split("\t")[:6] == ["doc_id", "sent_id", "index", "left", "match", "right"] and len(rows) == 3
    assert main(["kwic", "امید", "--corpus", str(small_corpus), "--format", "html", "--meta", "source=tv"]) == 0
    page = capsys.readouterr().out
    assert 'dir="rtl"' in page and page.count("<tr>") == 1


def test_alignment_ignores_zero_width_characters():
    import pandas as pd

    table = pd.DataFrame({"left": ["می‌روند", "رفتند"], "match": ["x", "y"], "right": ["", ""],
                          "sent_id": ["s1", "s2"], "speaker": [None, None]})
    first, second = aligned_lines(table)
    assert display_width(first.split("【")[0]) == display_width(second.split("【")[0])


def test_bad_arguments_and_empty_results_get_one_line_and_an_exit_status(small_corpus, tmp_path, capsys):
    assert main(["kwic", "دشمن", "--corpus", str(tmp_path / "none")]) == 2
    assert capsys.readouterr().err.strip().count("\n") == 0
    assert main(["kwic", "صلح", "--corpus", str(small_corpus)]) == 1
    assert "no lemma" in capsys.readouterr().err
    assert main(["kwic", "دشمن", "--corpus", str(small_corpus), "--meta", "source"]) == 2
    assert "key=value" in capsys.readouterr().err
    assert main(["stats", "--corpus", str(small_corpus), "--keyness", "speaker=کسی", "source=tv"]) == 2


def test_stats_report_and_vrt_write_what_they_say(small_corpus, tmp_path, capsys):
    assert main(["stats", "--corpus", str(small_corpus), "--by", "date"]) == 0
    out = capsys.readouterr().out
    assert "# frames by date" in out and "2024-02-01" in out and "# top 10 cues of each frame" in out
    assert main(["stats", "--corpus", str(small_corpus), "--collocates", "دشمن", "--min-count", "1", "--format", "tsv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "collocate\ttogether\tfrequency\tlog_likelihood\tmi"
    assert main(["report", "--corpus", str(small_corpus), "--out", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["export", "--format", "vrt", "--corpus", str(small_corpus), "--out", str(tmp_path / "v" / "c.vrt")]) == 0
    assert sorted(p.name for p in (tmp_path / "v").iterdir()) == ["c.cwb.sh", "c.ske", "c.vrt"]
