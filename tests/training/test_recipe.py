"""The training recipe: UD training files, deterministic vectors, one command per model, averaging."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from gofteman import conllu
from gofteman.constants import PROJECT_DIR, TAG_DICTIONARY_PATH
from gofteman.stages.tag.tag_dictionary import Analysis, read_tag_dictionary
from gofteman.training import data, recipe

PERDT = "".join(f"# sent_id = p{n}\n1\tکتاب{n}\tکتاب\tNOUN\tN_IANM\tNumber=Sing\t0\troot\t_\t_\n\n" for n in range(1, 6))
IPERUDT = ("# sent_id = i1\n1-2\tبابام\t_\t_\t_\t_\t_\t_\t_\t_\n1\tبابا\tبابا\tNOUN\tN_SING\t_\t0\troot\t_\t_\n"
           "2\tم\tمن\tPRON\tPRO\t_\t1\tnmod:poss\t_\t_\n3\tهم\tهم\tPART\tPART\t_\t1\tdiscourse:top/foc\t_\t_\n"
           "4\tمیکنه\tکرد#کن\tVERB\tV_PRS\t_\t1\tconj\t_\t_\n\n")


def write_ud_data(root: Path) -> Path:
    (root / "ud").mkdir(parents=True)
    (root / data.UD_PERDT_DEV).write_text(PERDT, encoding="utf-8")
    for name in data.UD_IPERUDT:
        (root / name).write_text(IPERUDT, encoding="utf-8")
    return root


def ids(path: Path) -> list[str]:
    return [sentence.comment("sent_id") for sentence in conllu.read(path)]


def test_ud_files_hold_out_the_tuning_slice_and_weight_perdt(tmp_path):
    paths = data.write_ud(write_ud_data(tmp_path / "data"), tmp_path, str, heldout=2, perdt_weight=3)
    assert ids(paths["dev"]) == ["p4", "p5"]
    assert ids(paths["train-perdt"]) == ["p1", "p2", "p3"]
    assert ids(paths["train-iperudt"]) == ["i1"] * 3
    assert ids(paths["train"]) == ["p1", "p2", "p3", "i1", "i1", "i1"]
    assert ids(paths["train-weighted"]) == ["p1", "p2", "p3"] * 3 + ["i1"] * 3
    assert ids(paths["perdt-all"]) == ["p1", "p2", "p3", "p4", "p5"]


def test_iperudt_is_written_in_perdt_conventions(tmp_path):
    paths = data.write_ud(write_ud_data(tmp_path / "data"), tmp_path, str, heldout=2, perdt_weight=1)
    rows = conllu.read(paths["train-iperudt"])[0].words()
    assert {row[conllu.XPOS] for row in rows} == {"_"}  # its XPOS are not PerDT's: no XPOS loss
    assert rows[3][conllu.LEMMA] == "کرد" and rows[2][conllu.DEPREL] == "discourse"


def test_iperudt_clitics_after_a_vowel_are_spelled_as_perdt_spells_them(tmp_path):
    root = write_ud_data(tmp_path / "data")
    clitics = ("# sent_id = i2\n1-2\tجایش\t_\t_\t_\t_\t_\t_\t_\t_\n1\tجای\tجای\tNOUN\t_\t_\t0\troot\t_\t_\n"
               "2\tش\tاو\tPRON\t_\t_\t1\tnmod:poss\t_\t_\n3-4\tبرایش\t_\t_\t_\t_\t_\t_\t_\t_\n"
               "3\tبرای\tبرای\tADP\t_\t_\t4\tcase\t_\t_\n4\tش\tاو\tPRON\t_\t_\t1\tnmod\t_\t_\n"
               "5-6\tکارهایش\t_\t_\t_\t_\t_\t_\t_\t_\n5\tکارهای\tکار\tNOUN\t_\t_\t1\tconj\t_\t_\n"
               "6\tش\tاو\tPRON\t_\t_\t5\tnmod:poss\t_\t_\n\n")
    (root / data.UD_IPERUDT[0]).write_text(IPERUDT + clitics, encoding="utf-8")
    paths = data.write_ud(root, tmp_path, str, heldout=2, perdt_weight=1)
    sentence = conllu.read(paths["train-iperudt"])[1]
    words = [(row[conllu.FORM], row[conllu.LEMMA]) for row in sentence.words()]
    # the noun's clitic takes the «ی»; a preposition and a plural keep it on the host
    assert words == [("جا", "جا"), ("یش", "او"), ("برای", "برای"), ("ش", "او"), ("کارهای", "کار"), ("ش", "او")]
    assert [row[conllu.FORM] for row in sentence.tokens()] == ["جایش", "برایش", "کارهایش"]


def test_verb_stems_take_iperudts_most_frequent_present_stem(tmp_path):
    root = write_ud_data(tmp_path / "data")
    extra = "# sent_id = i2\n1\tمیکرد\tکرد#کرد\tVERB\t_\t_\t0\troot\t_\t_\n\n"
    (root / data.UD_IPERUDT[0]).write_text(IPERUDT + extra, encoding="utf-8")
    table = data.write_verb_stems(root, tmp_path / "verb_stems.tsv", str)
    # «کرد#کن» three times (once per split), «کرد#کرد» once; the NOUN and PRON lemmas are not verbs
    assert table.read_text(encoding="utf-8") == "past\tpresent\tcount\nکرد\tکن\t3\n"


def write_training_data(root: Path) -> Path:
    """UD data (``write_ud_data``) plus the NER and raw text files that ``recipe.prepare`` reads."""
    write_ud_data(root)
    ner_lines = {"arman": "{token} {tag}", "peyma": "{token}|{tag}", "parstwiner": "{token}\t{tag}"}
    for name in (*data.NER_TRAIN, *data.NER_DEV, *data.NER_TEST):
        line = ner_lines[Path(name).parent.name]
        sentence = [("علی", "B-PER" if "arman" not in name else "B-pers"), ("به", "O"), ("تهران", "B-LOC"), ("رفت", "O")]
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("".join(line.format(token=t, tag=g) + "\n" for t, g in sentence) + "\n", encoding="utf-8")
    for name in data.RAW_TEXT:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("ما به تهران رفتیم.\nاو به مشهد رفت.\n" * 3, encoding="utf-8")
    return root


@pytest.mark.parametrize("reads_heldout, sentences", [(False, [1, 2, 3]), (True, [1, 2, 3, 4, 5])])
def test_prepare_writes_every_training_file_and_the_tag_dictionary_of_the_fine_tuning(tmp_path, monkeypatch,
                                                                                        reads_heldout, sentences):
    settings = {**recipe.load_settings(), "heldout_sentences": 2, "tagger_finetune_reads_heldout": reads_heldout}
    monkeypatch.setattr(recipe, "load_settings", lambda: settings)
    work = tmp_path / "work"
    recipe.prepare(write_training_data(tmp_path / "data"), work)
    for name in ("pretrain.pt", "verb_stems.tsv", "tokenize-train.txt", "tokenize-dev.toklabels", "ner-train.json",
                 "ner-test.json", f"{recipe.CHARLM_TRAIN_DIR}/train.txt", recipe.CHARLM_DEV):
        assert (work / name).stat().st_size > 0, name
    words = read_tag_dictionary(work / TAG_DICTIONARY_PATH.name)
    assert sorted(words) == [f"کتاب{n}" for n in sentences]  # the held-out slice only with the fine-tuning; never iPerUDT
    assert words["کتاب1"] == {Analysis("NOUN", "N_IANM", "Number=Sing"): 1}
    finetune = recipe.commands(work, tmp_path / "models", settings)["tagger_finetune"]
    assert sorted(dict(data.tagged_words(Path(finetune[finetune.index("--train_file") + 1])))) == sorted(words)


def test_with_tagger_charlm_the_character_models_train_before_the_tagger_that_reads_them(tmp_path):
    models = tmp_path / "models"
    commands = recipe.commands(tmp_path, models, {**recipe.load_settings(), "tagger_charlm": True})
    order = list(commands)
    assert order.index("charlm_forward") < order.index("tagger") and order.index("charlm_backward") < order.index("tagger")
    tagger = commands["tagger"]
    assert "--charlm" in tagger
    for direction in ("forward", "backward"):
        charlm = commands[f"charlm_{direction}"]
        assert charlm[charlm.index("--direction") + 1] == direction
        assert Path(charlm[charlm.index("--train_dir") + 1]) == tmp_path / recipe.CHARLM_TRAIN_DIR
        # trained in the work folder, copied into models/ where the tagger and the pipeline read it
        assert charlm[charlm.index("--save_dir") + 1] == str(tmp_path) and f"charlm_{direction}" in recipe.CHARLM_MODELS
        assert tagger[tagger.index(f"--charlm_{direction}_file") + 1] == str(models / recipe.MODEL_FILES[f"charlm_{direction}"])


def test_without_tagger_charlm_no_character_model_is_trained_or_read(tmp_path):
    commands = recipe.commands(tmp_path, tmp_path / "models", {**recipe.load_settings(), "tagger_charlm": False})
    assert not set(recipe.CHARLM_MODELS) & set(commands)
    assert not any(argument.startswith("--charlm") for argument in commands["tagger"])


def test_tagger_start_continues_from_a_trained_tagger(tmp_path):
    start = tmp_path / "start.pt"
    command = recipe.commands(tmp_path, tmp_path / "models", recipe.load_settings(), tagger_start=start)["tagger"]
    assert command[1:4] == ["-m", "gofteman.training.continue_tagger", str(start)]


@pytest.mark.parametrize("reads_heldout, data", [(True, "ud-perdt-all.conllu"), (False, "ud-train-perdt.conllu")])
def test_the_tagger_is_then_fine_tuned_on_perdt_alone_from_its_trained_model(tmp_path, reads_heldout, data):
    settings, models = {**recipe.load_settings(), "tagger_finetune_reads_heldout": reads_heldout}, tmp_path / "models"
    commands = recipe.commands(tmp_path, models, settings)
    assert list(commands).index("tagger_finetune") == list(commands).index("tagger") + 1
    finetune = commands["tagger_finetune"]
    assert finetune[1:4] == ["-m", "gofteman.training.continue_tagger", str(models / "tagger.pt")]
    assert finetune[finetune.index("--save_dir") + 1] == str(models) and finetune[finetune.index("--save_name") + 1] == "tagger.pt"
    assert finetune[finetune.index("--train_file") + 1] == str(tmp_path / data)
    assert finetune[finetune.index("--train_ratios") + 1] == "1"
    assert f"--lr={settings['tagger_finetune']['lr']}" in finetune


def test_the_tagger_samples_perdt_by_its_weight_beside_iperudt(tmp_path):
    settings = recipe.load_settings()
    command = recipe.commands(tmp_path, tmp_path / "models", settings)["tagger"]
    assert command[command.index("--train_file") + 1] == f"{tmp_path / 'ud-train-perdt.conllu'};{tmp_path / 'ud-train-iperudt.conllu'}"
    assert command[command.index("--train_ratios") + 1] == f"{settings['perdt_weight']};1"


def test_a_fine_tuning_on_the_heldout_slice_must_not_choose_its_checkpoint_there(tmp_path):
    # stanza saves a model at each evaluation that beats the last: on a slice it trains on, that
    # is no choice; one evaluation at the last step saves the last step
    settings = recipe.load_settings()
    settings = {**settings, "tagger_finetune_reads_heldout": True,
                "tagger_finetune": {**settings["tagger_finetune"], "eval_interval": 100, "max_steps": 400}}
    with pytest.raises(ValueError, match="models.yaml: tagger_finetune reads the held-out slice"):
        recipe.commands(tmp_path, tmp_path / "models", settings)
    settings["tagger_finetune_reads_heldout"] = False
    assert "tagger_finetune" in recipe.commands(tmp_path, tmp_path / "models", settings)


def test_the_fine_tuning_is_skipped_when_the_tagger_failed(tmp_path, capsys):
    work = tmp_path / "work"
    work.mkdir()
    for name in ("pretrain.pt", "verb_stems.tsv", "tag_dictionary.tsv"):  # copied before training
        (work / name).write_text("", encoding="utf-8")
    # no training data in the work folder: stanza's tagger fails at once
    assert recipe.run(work, tmp_path / "models", ["tagger", "tagger_finetune"]) == 2
    assert "tagger_finetune: skipped, as the tagger failed" in capsys.readouterr().out
    assert (work / "tagger.log").exists() and not (work / "tagger_finetune.log").exists()


@pytest.mark.parametrize("charlm", [False, True])
def test_every_shipped_model_has_a_training_command(tmp_path, charlm):
    commands = recipe.commands(tmp_path, tmp_path / "models", {**recipe.load_settings(), "tagger_charlm": charlm})
    assert set(commands) == set(recipe.MODEL_FILES) - {"pretrain"} - (set() if charlm else set(recipe.CHARLM_MODELS))
    for name, command in commands.items():
        assert command[command.index("--save_name") + 1] == recipe.MODEL_FILES[name]


def test_word_vectors_are_the_same_in_every_process(tmp_path):
    # with another string hash seed, as another run of `make models` would have
    script = ("import sys, torch; from pathlib import Path; from gofteman.training import recipe\n"
              "settings = {'vectors': {'dim': 8, 'window': 2, 'min_count': 1, 'epochs': 2, 'max_vocab': 100, 'seed': 1}}\n"
              "out = Path(sys.argv[1]); out.mkdir()\n"
              "path = recipe.train_vectors([['ما', 'به', 'تهران', 'رفتیم'], ['او', 'به', 'مشهد', 'رفت']] * 5, settings, out)\n"
              "print(torch.load(path, weights_only=False)['emb'].sum())\n")
    outputs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        result = subprocess.run([sys.executable, "-c", script, str(tmp_path / seed)], env=env, cwd=PROJECT_DIR,
                                capture_output=True, text=True, check=True)
        outputs.append(result.stdout.strip().splitlines()[-1])
    assert outputs[0] == outputs[1]


def checkpoint(path: Path, weights: list[float], vocab: str = "v") -> Path:
    torch.save({"model": {"w": torch.tensor(weights)}, "vocab": {"word": vocab}, "config": {}}, path)
    return path


def test_average_checkpoints_means_the_weights_in_half_precision(tmp_path):
    paths = [checkpoint(tmp_path / "a.pt", [1.0, 2.0]), checkpoint(tmp_path / "b.pt", [3.0, 6.0])]
    recipe.average_checkpoints(paths, tmp_path / "avg.pt")
    averaged = torch.load(tmp_path / "avg.pt", weights_only=False)
    assert averaged["model"]["w"].dtype == torch.float16 and averaged["model"]["w"].tolist() == [2.0, 4.0]
    assert averaged["vocab"] == {"word": "v"}


def test_average_refuses_checkpoints_of_another_model(tmp_path):
    paths = [checkpoint(tmp_path / "a.pt", [1.0]), checkpoint(tmp_path / "other.pt", [1.0], vocab="w")]
    with pytest.raises(ValueError, match=r"other.pt: not a checkpoint of the same model as .*a.pt"):
        recipe.average_checkpoints(paths, tmp_path / "avg.pt")
