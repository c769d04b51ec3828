"""Continuing stanza's tagger from a trained tagger's weights (tiny models, a few CPU seconds)."""

from pathlib import Path

import pytest
import torch

from gofteman.training import continue_tagger

# stanza's scorer leaves the dev file open (udtools' load_conllu_file); not ours to close
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")

WORDS = [("کتاب", "NOUN", "N_IANM"), ("را", "ADP", "POSTP"), ("خواندم", "VERB", "V_ACT"), ("خوب", "ADJ", "ADJ_AJP"),
         ("علی", "PROPN", "N_ANM"), ("به", "ADP", "PREP"), ("تهران", "PROPN", "N_IANM"), ("رفت", "VERB", "V_ACT")]


def write_conllu(path: Path, sentences: list[list[tuple[str, str, str]]]) -> Path:
    blocks = []
    for sentence in sentences:
        rows = [f"{i}\t{form}\t{form}\t{upos}\t{xpos}\t_\t{0 if i == 1 else 1}\t{'root' if i == 1 else 'dep'}\t_\t_"
                for i, (form, upos, xpos) in enumerate(sentence, start=1)]
        blocks.append("\n".join(rows) + "\n\n")
    path.write_text("".join(blocks), encoding="utf-8")
    return path


def tagger_args(tmp_path: Path, train: Path, save_name: str, steps: int, lr: str = "0.003") -> list[str]:
    small = ["--word_emb_dim", "8", "--char_emb_dim", "8", "--char_hidden_dim", "8", "--hidden_dim", "8",
             "--tag_emb_dim", "4", "--deep_biaff_hidden_dim", "8", "--composite_deep_biaff_hidden_dim", "8"]
    return ["--mode", "train", "--lang", "fa", "--shorthand", "fa_test", "--no_pretrain", *small,
            "--train_file", str(train), "--eval_file", str(tmp_path / "dev.conllu"),
            "--output_file", str(tmp_path / f"{save_name}.out"), "--save_dir", str(tmp_path), "--save_name", save_name,
            "--batch_size", "4", "--max_steps", str(steps), "--eval_interval", "1", "--lr", lr, "--seed", "1"]


@pytest.fixture
def trained(tmp_path):
    from stanza.models import tagger

    sentences = [WORDS[:4], WORDS[4:], WORDS[2:6], WORDS[::-1]] * 3
    train = write_conllu(tmp_path / "train.conllu", sentences)
    write_conllu(tmp_path / "dev.conllu", sentences[:2])
    tagger.main(tagger_args(tmp_path, train, "start.pt", steps=3))
    return tmp_path, train


def weights(path: Path) -> dict:
    return torch.load(path, map_location="cpu", weights_only=True)["model"]


def test_continuation_starts_from_the_given_models_weights(trained):
    tmp_path, train = trained
    # learning rate 0: the continued model can only hold the start model's weights
    continue_tagger.main([str(tmp_path / "start.pt"), *tagger_args(tmp_path, train, "continued.pt", steps=1, lr="0")])
    start, continued = weights(tmp_path / "start.pt"), weights(tmp_path / "continued.pt")
    assert start.keys() == continued.keys()
    assert all(torch.equal(start[name], continued[name]) for name in start)


def vocabulary(path: Path) -> dict:
    return torch.load(path, map_location="cpu", weights_only=True)["vocab"]


def test_continuation_on_new_sentences_keeps_the_start_models_vocabulary(trained):
    # how the recipe fine-tunes the tagger on PerDT and the held-out slice: words and characters
    # the start model never saw stay unknown to it, and its weights fit
    tmp_path, _ = trained
    other = write_conllu(tmp_path / "other.conllu", [[("سلام", "INTJ", "INTJ"), ("دنیا", "NOUN", "N_IANM")]] * 4 + [WORDS[:4]])
    continue_tagger.main([str(tmp_path / "start.pt"), *tagger_args(tmp_path, other, "tuned.pt", steps=2)])
    assert vocabulary(tmp_path / "tuned.pt") == vocabulary(tmp_path / "start.pt")
    assert "س" not in vocabulary(tmp_path / "tuned.pt")["char"]["_unit2id"]
    assert weights(tmp_path / "tuned.pt").keys() == weights(tmp_path / "start.pt").keys()


def test_stanzas_vocabulary_builder_is_restored_after_a_continuation(trained):
    from stanza.models.pos.data import Dataset

    tmp_path, train = trained
    builder = Dataset.__dict__["init_vocab"]
    continue_tagger.main([str(tmp_path / "start.pt"), *tagger_args(tmp_path, train, "continued.pt", steps=1)])
    assert Dataset.__dict__["init_vocab"] is builder


def test_a_start_model_of_other_dimensions_is_named(trained):
    tmp_path, train = trained
    args = tagger_args(tmp_path, train, "continued.pt", steps=1)
    args[args.index("--hidden_dim") + 1] = "16"
    with pytest.raises(ValueError, match=r"start.pt: its weights do not fit a tagger of these settings"):
        continue_tagger.main([str(tmp_path / "start.pt"), *args])
