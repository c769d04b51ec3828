"""The training recipe: prepare data and vectors, then the stanza training commands.

``gofteman train prepare`` writes everything the trainers read into one folder (a few MB), so
that the same commands can run here on the CPU or on a lent GPU; ``gofteman train run`` runs
them. Settings come from ``schemas/models.yaml``.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from gofteman.constants import SCHEMAS_DIR, TAG_DICTIONARY_PATH, VERB_STEMS_PATH
from gofteman.stanza_models import SHIPPED_CHARLMS
from gofteman.stages.tag.tag_dictionary import write_tag_dictionary

MODELS_CONFIG = SCHEMAS_DIR / "models.yaml"
MODEL_FILES = {"tokenizer": "tokenizer.pt", "mwt": "mwt.pt", "charlm_forward": SHIPPED_CHARLMS["pos"][0],
               "charlm_backward": SHIPPED_CHARLMS["pos"][1], "tagger": "tagger.pt", "tagger_finetune": "tagger.pt",
               "lemmatizer": "lemmatizer.pt", "parser": "parser.pt", "ner": "ner.pt", "pretrain": "pretrain.pt"}
#: Steps that start from the model an earlier step of the same run trains: skipped when it failed.
STARTS_FROM = {"tagger_finetune": "tagger"}
#: Models stored in float16 after training (the lemmatizer is small already).
HALF_PRECISION = ("charlm_forward", "charlm_backward", "tagger", "tagger_finetune", "parser", "ner")
#: The character language models' text: a folder of training text, and the tuning text.
CHARLM_TRAIN_DIR = "charlm-train"
CHARLM_DEV = "charlm-dev.txt"
#: The tagger's character language models (``tagger_charlm`` in models.yaml), saved into the
#: work folder beside their vocabulary and checkpoint, then copied.
CHARLM_MODELS = ("charlm_forward", "charlm_backward")


def load_settings() -> dict:
    return yaml.safe_load(MODELS_CONFIG.read_text(encoding="utf-8"))


def train_vectors(sentences: list[list[str]], settings: dict, out_dir: Path) -> Path:
    """word2vec vectors in stanza's pretrain format (``pretrain.pt``); one worker and a fixed
    seed make them the same on every run."""
    from gensim.models import Word2Vec
    from stanza.models.common.pretrain import Pretrain

    options = settings["vectors"]
    model = Word2Vec(sentences, vector_size=options["dim"], window=options["window"],
                     min_count=options["min_count"], epochs=options["epochs"], seed=options["seed"],
                     workers=1, sg=1)
    text_path = out_dir / "vectors.txt"
    words = model.wv.index_to_key[: options["max_vocab"]]
    with open(text_path, "w", encoding="utf-8") as handle:
        handle.write(f"{len(words)} {options['dim']}\n")
        for word in words:
            handle.write(word + " " + " ".join(f"{value:.5f}" for value in model.wv[word]) + "\n")
    pretrain_path = out_dir / MODEL_FILES["pretrain"]
    pretrain_path.unlink(missing_ok=True)
    Pretrain(str(pretrain_path), str(text_path), max_vocab=options["max_vocab"]).load()
    text_path.unlink()
    return pretrain_path


def tagger_perdt_split(settings: dict) -> str:
    """The UD split (``data.write_ud``) of the tagger's PerDT fine-tuning and of the tag
    dictionary: PerDT's training sentences, or all of PerDT dev where
    ``tagger_finetune_reads_heldout`` adds the held-out slice, on which their steps and
    thresholds were chosen already (so the fine-tuning must not choose its checkpoint there)."""
    if not settings.get("tagger_finetune_reads_heldout"):
        return "train-perdt"
    steps = settings["tagger_finetune"]
    if steps["eval_interval"] != steps["max_steps"]:
        raise ValueError(f"{MODELS_CONFIG}: tagger_finetune reads the held-out slice, so it can not choose its "
                         f"checkpoint there: its eval_interval must be its max_steps (one evaluation, at the last step)")
    return "perdt-all"


def prepare(data_dir: Path, out_dir: Path) -> None:
    from gofteman.stages.normalize import Normalize
    from gofteman.training import data

    settings = load_settings()
    out_dir.mkdir(parents=True, exist_ok=True)
    forms = data.TrainingForms(Normalize.from_config().normalizer)
    ud = data.write_ud(data_dir, out_dir, forms, settings["heldout_sentences"], settings["perdt_weight"])
    data.write_tokenizer_data(ud, out_dir)
    data.write_verb_stems(data_dir, out_dir / VERB_STEMS_PATH.name, forms)
    # from the PerDT sentences the tagger learns from last (iPerUDT has no PerDT XPOS); its
    # thresholds were chosen on the held-out slice, so it reads the slice where the tagger does
    write_tag_dictionary(data.tagged_words(ud[tagger_perdt_split(settings)]), out_dir / TAG_DICTIONARY_PATH.name)
    ner = data.write_ner(data_dir, out_dir, forms, settings["ner_label_map"])
    sentences = data.vector_corpus(data_dir, ud["train"], ner["train"], forms)
    train_vectors(sentences, settings, out_dir)
    data.write_charlm_text(sentences, ud["dev"], out_dir / CHARLM_TRAIN_DIR / "train.txt", out_dir / CHARLM_DEV)


def commands(work: Path, models: Path, settings: dict, tagger_start: Path | None = None) -> dict[str, list[str]]:
    """The stanza training command of each model, reading ``work`` and saving into ``models``;
    with ``tagger_start``, the tagger continues from that model's weights."""
    short = settings["shorthand"]
    pretrain = str(work / MODEL_FILES["pretrain"])

    def options(name: str) -> list[str]:
        return [f"--{key}={value}" for key, value in settings[name].items()]

    python = [sys.executable, "-m"]
    common = ["--shorthand", short, "--save_dir", str(models)]

    def charlm(direction: str) -> list[str]:
        name = f"charlm_{direction}"
        return python + ["stanza.models.charlm", "--mode", "train", "--direction", direction, "--shorthand", short,
                         "--save_dir", str(work), "--save_name", MODEL_FILES[name],
                         "--vocab_save_name", f"{name}_vocab.pt",
                         "--train_dir", str(work / CHARLM_TRAIN_DIR), "--eval_file", str(work / CHARLM_DEV),
                         *options("charlm")]

    use_charlm = bool(settings.get("tagger_charlm"))
    finetune_data = f"ud-{tagger_perdt_split(settings)}.conllu"
    charlm_options = ["--charlm", "--charlm_shorthand", short,
                      "--charlm_forward_file", str(models / MODEL_FILES["charlm_forward"]),
                      "--charlm_backward_file", str(models / MODEL_FILES["charlm_backward"])] if use_charlm else []

    def tagger(start: Path | None, train_ratios: dict[str, int], settings_name: str) -> list[str]:
        return python + [*(["gofteman.training.continue_tagger", str(start)] if start else ["stanza.models.tagger"]),
                         "--mode", "train", "--lang", "fa", *common, "--save_name", MODEL_FILES["tagger"],
                         "--train_file", ";".join(str(work / name) for name in train_ratios),
                         "--train_ratios", ";".join(str(ratio) for ratio in train_ratios.values()),
                         "--eval_file", str(work / "ud-dev.conllu"), "--output_file", str(work / "pos-pred.conllu"),
                         "--wordvec_pretrain_file", pretrain, *charlm_options, *options(settings_name)]

    trained = {
        "tokenizer": python + ["stanza.models.tokenizer", "--mode", "train", "--lang", "fa", *common,
                               "--save_name", MODEL_FILES["tokenizer"], "--txt_file", str(work / "tokenize-train.txt"),
                               "--label_file", str(work / "tokenize-train.toklabels"),
                               "--mwt_json_file", str(work / "tokenize-train-mwt.json"),
                               "--dev_txt_file", str(work / "tokenize-dev.txt"),
                               "--dev_label_file", str(work / "tokenize-dev.toklabels"),
                               "--dev_conll_gold", str(work / "ud-dev.conllu"),
                               "--conll_file", str(work / "tokenize-pred.conllu"), *options("tokenizer")],
        "mwt": python + ["stanza.models.mwt_expander", "--mode", "train", "--lang", "fa", *common,
                         "--save_name", MODEL_FILES["mwt"], "--train_file", str(work / "ud-train.conllu"),
                         "--eval_file", str(work / "ud-dev.conllu"), "--gold_file", str(work / "ud-dev.conllu"),
                         "--output_file", str(work / "mwt-pred.conllu"), *options("mwt")],
        "charlm_forward": charlm("forward"),
        "charlm_backward": charlm("backward"),
        "tagger": tagger(tagger_start, {"ud-train-perdt.conllu": settings["perdt_weight"], "ud-train-iperudt.conllu": 1},
                         "tagger"),
        # then PerDT alone, with the held-out slice where its steps are settled already
        # (continue_tagger keeps the tagger's vocabulary)
        "tagger_finetune": tagger(models / MODEL_FILES["tagger"], {finetune_data: 1}, "tagger_finetune"),
        "lemmatizer": python + ["stanza.models.lemmatizer", "--mode", "train", *common,
                                "--save_name", MODEL_FILES["lemmatizer"], "--train_file", str(work / "ud-train.conllu"),
                                "--eval_file", str(work / "ud-dev.conllu"),
                                "--output_file", str(work / "lemma-pred.conllu"), *options("lemmatizer")],
        "parser": python + ["stanza.models.parser", "--mode", "train", "--lang", "fa", *common,
                            "--save_name", MODEL_FILES["parser"], "--train_file", str(work / "ud-train-weighted.conllu"),
                            "--checkpoint_save_name", str(work / "parser-checkpoint.pt"),
                            "--eval_file", str(work / "ud-dev.conllu"), "--output_file", str(work / "parse-pred.conllu"),
                            "--wordvec_pretrain_file", pretrain, *options("parser")],
        "ner": python + ["stanza.models.ner_tagger", "--mode", "train", *common,
                         "--save_name", MODEL_FILES["ner"], "--train_file", str(work / "ner-train.json"),
                         "--eval_file", str(work / "ner-dev.json"), "--wordvec_pretrain_file", pretrain,
                         *options("ner")],
    }
    return {name: command for name, command in trained.items() if use_charlm or name not in CHARLM_MODELS}


def store_half_precision(path: Path) -> None:
    """Rewrites a trained model's float32 weights as float16 (half the size; stanza loads them
    back into float32 parameters, and the scores of ``make eval-models`` do not change)."""
    import torch

    def half(value):
        if isinstance(value, torch.Tensor):
            return value.half() if value.dtype == torch.float32 else value
        return {key: half(item) for key, item in value.items()} if isinstance(value, dict) else value

    checkpoint = torch.load(path, map_location="cpu", weights_only=False)
    checkpoint["model"] = half(checkpoint["model"])
    torch.save(checkpoint, path)


def average_checkpoints(paths: list[Path], out: Path) -> None:
    """One model whose weights are the mean of checkpoints of the same model saved along one
    training run (same vocabulary, same parameters), stored in float16 as shipped."""
    import torch

    checkpoints = [torch.load(path, map_location="cpu", weights_only=False) for path in paths]
    first = checkpoints[0]
    for path, checkpoint in zip(paths[1:], checkpoints[1:]):
        if checkpoint.get("vocab") != first.get("vocab") or checkpoint["model"].keys() != first["model"].keys():
            raise ValueError(f"{path}: not a checkpoint of the same model as {paths[0]} (vocabulary or parameters differ)")
    first["model"] = {name: sum(checkpoint["model"][name].float() for checkpoint in checkpoints) / len(checkpoints)
                      for name in first["model"]}
    torch.save(first, out)
    store_half_precision(out)


def run(work: Path, models: Path, names: list[str], tagger_start: Path | None = None) -> int:
    settings = load_settings()
    models.mkdir(parents=True, exist_ok=True)
    for name in (MODEL_FILES["pretrain"], VERB_STEMS_PATH.name, TAG_DICTIONARY_PATH.name):  # read at run time
        shutil.copyfile(work / name, models / name)
    failures, failed_names = 0, set()
    for name, command in commands(work, models, settings, tagger_start).items():
        if name not in names:
            continue
        if STARTS_FROM.get(name) in failed_names:
            print(f"{name}: skipped, as the {STARTS_FROM[name]} failed (see {work / (STARTS_FROM[name] + '.log')})",
                  flush=True)
            failures += 1
            continue
        print("$ " + shlex.join(command), flush=True)
        with open(work / f"{name}.log", "w", encoding="utf-8") as log:
            failed = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT).returncode != 0
        failures += failed
        if failed:
            failed_names.add(name)
        if not failed and name in CHARLM_MODELS:
            shutil.copyfile(work / MODEL_FILES[name], models / MODEL_FILES[name])
        if not failed and name in HALF_PRECISION:
            store_half_precision(models / MODEL_FILES[name])
    return failures


if __name__ == "__main__":  # python -m gofteman.training.recipe WORK MODELS [model ...] (no hazm needed)
    work_dir, models_dir, *chosen = sys.argv[1:]
    sys.exit(run(Path(work_dir), Path(models_dir), chosen or list(MODEL_FILES)))
