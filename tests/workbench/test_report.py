"""The HTML report: self-contained, right to left, evidence highlighted, drawn by a browser."""

import re
import shutil
import subprocess

import pytest

from gofteman.workbench.corpus import Corpus
from gofteman.workbench.report import highlighted, write_report

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")


def test_the_page_is_rtl_self_contained_and_marks_the_evidence(small_corpus, tmp_path):
    page = write_report(Corpus.load(small_corpus), tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<html lang="fa" dir="rtl">' in page
    assert page.count("<svg") == 3  # speakers, documents or dates, cues
    assert not re.search(r'(src|href)="https?://', page), "the page fetches nothing"
    assert '<mark class="enemy" title="enemy-lexical">دشمن</mark>' in page
    assert "علی رضایی" in page and "Vazirmatn" in page


def test_highlighting_keeps_the_spacing_and_names_negation():
    marked = highlighted(["ما", "ناامید", "نمی‌شویم", "."], [True, True, False, False],
                         [{"label": "hope", "start": 2, "end": 3, "rule": "hope-despair-rejected", "negated": True}])
    assert marked == 'ما <mark class="hope" title="hope-despair-rejected (negated)">ناامید نمی‌شویم</mark>.'


@pytest.mark.skipif(BROWSER is None, reason="no chromium on this machine (Debian: apt install chromium)")
def test_a_headless_browser_draws_the_page(small_corpus, tmp_path):
    from PIL import Image

    page = write_report(Corpus.load(small_corpus), tmp_path / "report.html")
    png = tmp_path / "report.png"
    subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--screenshot={png}", "--window-size=1200,1600", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    image = Image.open(png).convert("L")
    assert image.size == (1200, 1600)
    low, high = image.getextrema()
    assert high - low > 100, "the screenshot is blank"
