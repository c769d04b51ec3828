"""Training data for the stanza models, normalised as the pipeline normalises its input.

UD: PerDT dev (minus a held-out tuning slice at its end) plus iPerUDT (all splits). iPerUDT's
Bijankhan-style XPOS is replaced by ``_``, its ``past#present`` verb lemmas by the past stem as
PerDT writes them, its invalid relation ``discourse:top/foc`` by ``discourse``, and its clitics
after «ا»/«و» are spelled as PerDT spells them («جای» + «ش» -> «جا» + «یش»). Seraji is left out:
it has no PROPN and other deprel subtypes.
NER: Arman folds 1 and 2, PEYMA train and ParsTwiNER train, mapped to one label set; tuned on
PEYMA dev and ParsTwiNER dev; Arman fold 3 is the held-out test set.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from gofteman import conllu
from gofteman.stages.mwt.clitics import perdt_clitic_spelling
from gofteman.constants import VERB_UPOS
from gofteman.text.normalization import TextNormalizer
from gofteman.stages.mwt import SplitMultiwordTokens
from gofteman.stages.tag import ud_deprel
from gofteman.stages.tag.tag_dictionary import Analysis
from gofteman.stages.tag.verb_lemmas import STEM_SEPARATOR, VERB_STEMS_HEADER

UD_PERDT_DEV = "ud/fa_perdt-ud-dev.conllu"
UD_IPERUDT = ("ud/iPerUDT_train.conllu", "ud/iPerUDT_dev.conllu", "ud/iPerUDT_test.conllu")
NER_TRAIN = ("ner/arman/test_fold1.txt", "ner/arman/test_fold2.txt", "ner/peyma/train.txt",
             "ner/parstwiner/train.txt")
NER_DEV = ("ner/peyma/dev.txt", "ner/parstwiner/dev.txt")
NER_TEST = ("ner/arman/test_fold3.txt",)
RAW_TEXT = ("raw/perdt_train_sentences.txt", "raw/seraji_train_sentences.txt")
#: a host that keeps its «ی» before a clitic: here the gold UPOS tells; the mwt stage, which runs
#: before any tagging, uses the list of prepositions in schemas/mwt.yaml instead
PREPOSITION = "ADP"


class TrainingForms:
    """Normalises training tokens exactly as the normalize stage normalises a chunk."""

    def __init__(self, normalizer: TextNormalizer) -> None:
        self.normalizer = normalizer

    def __call__(self, form: str) -> str:
        norm = self.normalizer.normalize_string(form)
        return norm if norm and " " not in norm else form


def _ud_sentences(path: Path, forms: TrainingForms, informal: bool) -> list[conllu.Sentence]:
    sentences = conllu.read(path, strict=False)  # iPerUDT lacks the final blank line
    clitics = SplitMultiwordTokens.load_config()["clitic_split"]["clitics"]
    for sentence in sentences:
        for row in sentence.rows:
            row[conllu.FORM] = forms(row[conllu.FORM])
            if informal and not row[conllu.ID].count("-"):
                row[conllu.XPOS] = "_"
                row[conllu.LEMMA] = row[conllu.LEMMA].split("#")[0] or row[conllu.LEMMA]
                row[conllu.DEPREL] = ud_deprel(row[conllu.DEPREL])
        if informal:
            _spell_clitics_as_perdt(sentence, clitics)
    return sentences


def _spell_clitics_as_perdt(sentence: conllu.Sentence, clitics: list[str]) -> None:
    """A two-word token of a host and its pronominal clitic in PerDT's spelling («جای» + «ش» ->
    «جا» + «یش», ``perdt_clitic_spelling``), so that the MWT expander learns one convention; a
    preposition keeps its «ی» («برای» + «ش»), as in PerDT."""
    rows = sentence.rows
    for index, row in enumerate(rows):
        first, _, last = row[conllu.ID].partition("-")
        if not last or int(last) != int(first) + 1 or index + 2 >= len(rows):
            continue
        host, clitic = rows[index + 1], rows[index + 2]
        if host[conllu.UPOS] == PREPOSITION:
            continue
        spelled = perdt_clitic_spelling(host[conllu.FORM], clitic[conllu.FORM], clitics)
        if spelled[0] != host[conllu.FORM]:
            if host[conllu.LEMMA] == host[conllu.FORM]:
                host[conllu.LEMMA] = spelled[0]
            host[conllu.FORM], clitic[conllu.FORM] = spelled


def write_ud(data_dir: Path, out_dir: Path, forms: TrainingForms, heldout: int,
             perdt_weight: int) -> dict[str, Path]:
    """The UD training files. PerDT (formal written text, as the corpus is) and iPerUDT (informal,
    few proper nouns, no PerDT XPOS) are also written apart: the tagger reads them as two
    datasets (no XPOS loss on iPerUDT, PerDT sampled ``perdt_weight`` times per epoch); the parser
    reads PerDT repeated ``perdt_weight`` times before iPerUDT. ``perdt-all`` is PerDT with the
    held-out slice, for a fine-tuning whose steps were chosen on that slice."""
    perdt = _ud_sentences(data_dir / UD_PERDT_DEV, forms, informal=False)
    informal = [sentence for name in UD_IPERUDT for sentence in _ud_sentences(data_dir / name, forms, informal=True)]
    parts = {"train": perdt[:-heldout] + informal, "train-perdt": perdt[:-heldout], "train-iperudt": informal,
             "train-weighted": perdt[:-heldout] * perdt_weight + informal, "dev": perdt[-heldout:],
             "perdt-all": perdt}
    paths = {}
    for name, sentences in parts.items():
        paths[name] = out_dir / f"ud-{name}.conllu"
        conllu.write(paths[name], sentences)
    return paths


def write_verb_stems(data_dir: Path, out_path: Path, forms: TrainingForms) -> Path:
    """The present stem iPerUDT's ``past#present`` verb lemmas give each past stem most often
    (ties: the first in Unicode order), with its count; the tag stage writes verb lemmas so."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for name in UD_IPERUDT:
        for sentence in conllu.read(data_dir / name, strict=False):
            for row in sentence.words():
                past, _, present = row[conllu.LEMMA].partition(STEM_SEPARATOR)
                if row[conllu.UPOS] in VERB_UPOS and past and present:
                    counts[forms(past)][forms(present)] += 1
    with open(out_path, "w", encoding="utf-8") as handle:
        handle.write("\t".join(VERB_STEMS_HEADER) + "\n")
        for past in sorted(counts):
            present, count = min(counts[past].items(), key=lambda item: (-item[1], item[0]))
            handle.write(f"{past}\t{present}\t{count}\n")
    return out_path


def tagged_words(path: Path) -> Iterator[tuple[str, Analysis]]:
    """Each word of a UD file with its (UPOS, XPOS, FEATS), for the tag dictionary."""
    for sentence in conllu.read(path):
        for row in sentence.words():
            yield row[conllu.FORM], Analysis(row[conllu.UPOS], row[conllu.XPOS], row[conllu.FEATS])


def write_tokenizer_data(ud: dict[str, Path], out_dir: Path) -> None:
    """The stanza tokenizer's inputs for each split: the text (``tokenize-<split>.txt``), a label
    per character (word, sentence and multiword-token ends) and the multiword tokens seen."""
    from stanza.utils.datasets import prepare_tokenizer_data
    from stanza.utils.datasets.conllu_to_text import convert_text

    for split in ("train", "dev"):
        text = out_dir / f"tokenize-{split}.txt"
        convert_text(str(ud[split]), str(text))
        prepare_tokenizer_data.main([str(text), str(ud[split]), "-o", str(out_dir / f"tokenize-{split}.toklabels"),
                                     "-m", str(out_dir / f"tokenize-{split}-mwt.json")])


def read_ner(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Sentences of (token, tag) from Arman (space), PEYMA (|) or ParsTwiNER (tab) files."""
    sentence: list[tuple[str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.rstrip("\r")
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        for separator in ("\t", "|", " "):
            token, sep, tag = line.rpartition(separator)
            if sep and token:
                break
        else:
            raise ValueError(f"{path}:{number}: expected a token and a tag, got {line!r}")
        # PEYMA writes a space where a ZWNJ belongs inside some tokens
        sentence.append((token.strip().replace(" ", "\u200c"), tag.strip()))
    if sentence:
        yield sentence


def map_tag(tag: str, label_map: dict[str, str]) -> str:
    """``B-pers``/``B_PER`` -> ``B-PER``; types outside the map -> ``O``."""
    if tag in ("O", ""):
        return "O"
    prefix, _, kind = tag.replace("_", "-").partition("-")
    label = label_map.get(kind)
    return f"{prefix}-{label}" if label and prefix in ("B", "I") else "O"


def fix_bio(tags: list[str]) -> list[str]:
    """An I- that does not continue an entity of its type starts one (IOB2)."""
    fixed, previous = [], "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        previous = tag
    return fixed


def write_ner(data_dir: Path, out_dir: Path, forms: TrainingForms, label_map: dict[str, str]) -> dict[str, Path]:
    paths = {}
    for split, names in (("train", NER_TRAIN), ("dev", NER_DEV), ("test", NER_TEST)):
        document = []
        for name in names:
            for sentence in read_ner(data_dir / name):
                tags = fix_bio([map_tag(tag, label_map) for _, tag in sentence])
                document.append([{"text": forms(token), "ner": tag} for (token, _), tag in zip(sentence, tags)])
        paths[split] = out_dir / f"ner-{split}.json"
        paths[split].write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return paths


def write_charlm_text(sentences: list[list[str]], dev: Path, train_out: Path, dev_out: Path) -> None:
    """Text for the character language models, one sentence a line with its tokens joined by
    single spaces, the way stanza's tagger hands a sentence's words to its charlm; the tuning
    text is the held-out UD slice."""
    train_out.parent.mkdir(parents=True, exist_ok=True)
    train_out.write_text("".join(" ".join(tokens) + "\n" for tokens in sentences if tokens), encoding="utf-8")
    dev_out.write_text("".join(" ".join(row[conllu.FORM] for row in sentence.words()) + "\n"
                               for sentence in conllu.read(dev)), encoding="utf-8")


def vector_corpus(data_dir: Path, ud_train: Path, ner_train: Path, forms: TrainingForms) -> list[list[str]]:
    """Tokenised text for word vectors: raw train text (hazm tokens) plus the training sets."""
    from hazm import WordTokenizer

    tokenizer = WordTokenizer(join_verb_parts=False)
    sentences = []
    for name in RAW_TEXT:
        for line in (data_dir / name).read_text(encoding="utf-8").splitlines():
            sentences.append([forms(token) for token in tokenizer.tokenize(line)])
    for sentence in conllu.read(ud_train):
        sentences.append([row[conllu.FORM] for row in sentence.words()])
    for sentence in json.loads(ner_train.read_text(encoding="utf-8")):
        sentences.append([token["text"] for token in sentence])
    return sentences
