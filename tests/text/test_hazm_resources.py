"""hazm imported once per process, without the SciPy statistics that NLTK would import for it."""

import subprocess
import sys


def in_a_new_process(code: str) -> str:
    """What ``code`` prints, run in a fresh interpreter (the test process has imported much already)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_hazm_comes_without_scipy_and_scipy_still_imports_after():
    printed = in_a_new_process(
        "import sys\n"
        "from gofteman.text.hazm_resources import hazm\n"
        "normalizer = hazm().Normalizer()\n"
        "print('scipy.stats' in sys.modules, normalizer.normalize('اصلاح نويسه ها'))\n"
        "import scipy.stats\n"
        "print(scipy.stats.fisher_exact([[1, 2], [3, 4]]).pvalue > 0)\n")
    assert printed.splitlines() == ["False اصلاح نویسه‌ها", "True"]


def test_a_scipy_imported_before_hazm_stays():
    printed = in_a_new_process(
        "import scipy.stats, sys\n"
        "from gofteman.text.hazm_resources import import_hazm\n"
        "import_hazm()\n"
        "association = sys.modules['nltk.metrics.association']\n"
        "print(sys.modules['scipy.stats'] is scipy.stats, association.fisher_exact is scipy.stats.fisher_exact)\n")
    assert printed == "True True"


def test_the_fork_servers_preload_imports_the_workers_libraries():
    printed = in_a_new_process(
        "import sys, gofteman.engines.preload\n"
        "print(*(name in sys.modules for name in ['hazm', 'spacy', 'stanza', 'torch', 'scipy.stats']))\n")
    assert printed == "True True True True False"


def test_the_normalizer_reads_the_verb_conjugations_already_made(monkeypatch):
    from gofteman.text.hazm_resources import hazm, verb_conjugations

    conjugations = verb_conjugations()

    def conjugate_again(*args, **kwargs):
        raise AssertionError("hazm's verb list conjugated a second time")

    monkeypatch.setattr(hazm().lemmatizer.Lemmatizer, "__init__", conjugate_again)
    normalizer = hazm().Normalizer()
    assert normalizer.normalize("می روم") == "می‌روم"
    assert "می‌روم" in conjugations
