# gofteman: build the corpus stage by stage, test, validate, evaluate.
#   make corpus               build corpus/ from seeds/ (creates .venv on first use)
#   make test                 install and run the test suite
#   make SEEDS=dir OUT=dir corpus   any other input (folder, .jsonl or .txt) and output
# Each stage is a file target whose prerequisites are the previous stage's output, the
# stage's own code and its configuration in schemas/: editing one reruns that stage onward.
# Inside a stage, documents whose input, code and configuration are unchanged are skipped.

SHELL := /bin/bash
SEEDS ?= seeds
OUT ?= corpus
DATA ?= ../shared/data
# the shared folder itself (eval/ and guidelines/ beside data/)
SHARED = $(patsubst %/,%,$(dir $(DATA:/=)))
BUILD ?= build/$(notdir $(abspath $(OUT)))
VENV ?= .venv

PYTHON ?= $(shell for p in python3.12 $$HOME/.pyenv/versions/3.12*/bin/python3.12 /usr/local/bin/python3.12 /usr/bin/python3.12; do \
	$$p -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV_PYTHON := $(VENV)/bin/python
VENV_STAMP := $(VENV)/.installed
GOFTEMAN := $(VENV_PYTHON) -m gofteman
RUN := $(GOFTEMAN) run --input $(SEEDS) --out $(OUT) --work $(BUILD)

SEED_FILES := $(shell find $(SEEDS) -maxdepth 1 -type f 2>/dev/null | LC_ALL=C sort)
RUNNER_CODE := pipeline/runner.py pipeline/documents.py pipeline/stages/base.py pipeline/stages/__init__.py pipeline/constants.py
NORMALIZE_INPUTS := pipeline/stages/normalize.py pipeline/text/normalization.py pipeline/text/zwnj.py pipeline/text/hazm_resources.py schemas/normalize.yaml models/zwnj-fa/lexicon.tsv.gz
TOKENIZE_INPUTS := pipeline/stages/tokenize.py pipeline/conllu.py pipeline/text/normalization.py pipeline/text/hazm_resources.py schemas/tokenize.yaml
STANZA_CODE := pipeline/stages/stanza_stage.py pipeline/stanza_models.py pipeline/stanza_inference.py pipeline/tree_decoding.py pipeline/conllu.py
SHIPPED := models/fa-small
MWT_INPUTS := $(wildcard pipeline/stages/mwt/*.py) $(STANZA_CODE) pipeline/text/hazm_resources.py pipeline/text/zwnj.py schemas/mwt.yaml models/zwnj-fa/lexicon.tsv.gz $(SHIPPED)/tokenizer.pt $(SHIPPED)/mwt.pt
TAG_INPUTS := $(wildcard pipeline/stages/tag/*.py) $(STANZA_CODE) schemas/tag.yaml $(SHIPPED)/tagger.pt $(SHIPPED)/lemmatizer.pt $(SHIPPED)/parser.pt $(SHIPPED)/pretrain.pt pipeline/text/hazm_resources.py pipeline/text/zwnj.py models/zwnj-fa/lexicon.tsv.gz $(SHIPPED)/verb_stems.tsv $(SHIPPED)/tag_dictionary.tsv
NER_INPUTS := pipeline/stages/ner.py $(STANZA_CODE) schemas/ner.yaml $(SHIPPED)/ner.pt $(SHIPPED)/pretrain.pt
FRAMES_INPUTS := pipeline/stages/frames.py $(wildcard pipeline/frames/*.py) pipeline/conllu.py schemas/frames/stage.yaml schemas/frames/rules.yaml schemas/frames/rules.schema.json schemas/frames/confidence.tsv $(wildcard schemas/frames/lexicons/*.tsv)
SPEAKERS_INPUTS := $(wildcard pipeline/stages/speakers/*.py) pipeline/conllu.py pipeline/labels.py schemas/speakers.yaml
WRITE_INPUTS := pipeline/stages/write.py pipeline/conllu.py

.PHONY: all corpus normalize tokenize mwt tag ner speakers frames write test test-fast validate eval eval-normalize \
	eval-tokenize eval-models eval-frames eval-speakers bench bench-compare bench-scale results models models-official zwnj-lexicon clean venv publish \
	report vrt
.PRECIOUS: $(BUILD)/%.done
.DELETE_ON_ERROR:

all: corpus

$(VENV_STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.12 not found: install it or run 'make PYTHON=/path/to/python3.12'" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	@# No pip cache: stanza pulls PyTorch's CUDA build (about 6 GB installed), and a cached copy of its
	@# wheels doubled the disk it needs (a CI machine ran out of space in this step).
	$(VENV_PYTHON) -m pip install --quiet --no-cache-dir --upgrade pip
	$(VENV_PYTHON) -m pip install --quiet --no-cache-dir -e '.[test,ray]'
	touch $@

venv: $(VENV_STAMP)

# One file target per stage: the lines below give each its prerequisites; this rule runs it.
$(BUILD)/%.done:
	$(RUN) --stages $*
	@touch $@

$(BUILD)/normalize.done: $(VENV_STAMP) $(SEEDS) $(SEED_FILES) $(RUNNER_CODE) $(NORMALIZE_INPUTS)
$(BUILD)/tokenize.done: $(BUILD)/normalize.done $(RUNNER_CODE) $(TOKENIZE_INPUTS)
$(BUILD)/mwt.done: $(BUILD)/tokenize.done $(RUNNER_CODE) $(MWT_INPUTS)
$(BUILD)/tag.done: $(BUILD)/mwt.done $(RUNNER_CODE) $(TAG_INPUTS)
$(BUILD)/ner.done: $(BUILD)/tag.done $(RUNNER_CODE) $(NER_INPUTS)
$(BUILD)/speakers.done: $(BUILD)/ner.done $(RUNNER_CODE) $(SPEAKERS_INPUTS)
$(BUILD)/frames.done: $(BUILD)/speakers.done $(RUNNER_CODE) $(FRAMES_INPUTS)
$(BUILD)/write.done: $(BUILD)/frames.done $(RUNNER_CODE) $(WRITE_INPUTS)

# The Hugging Face dataset: built from the finished CoNLL-U, after write.
HF_INPUTS := pipeline/export/hf.py pipeline/export/card.py pipeline/labels.py pipeline/evaluation/results.py schemas/dataset/labels.yaml schemas/frames/rules.yaml $(wildcard results/*.json)
$(OUT)/hf/README.md: $(BUILD)/write.done $(HF_INPUTS)
	$(GOFTEMAN) export --format hf --corpus $(OUT)

normalize: $(BUILD)/normalize.done
tokenize: $(BUILD)/tokenize.done
mwt: $(BUILD)/mwt.done
tag: $(BUILD)/tag.done
ner: $(BUILD)/ner.done
speakers: $(BUILD)/speakers.done
frames: $(BUILD)/frames.done
write: $(BUILD)/write.done
corpus: $(OUT)/hf/README.md

validate: $(BUILD)/write.done
	$(GOFTEMAN) validate $(OUT)/conllu --level 2

# The workbench's outputs, from the built corpus (not committed: rebuilt on demand).
report: $(BUILD)/write.done
	$(GOFTEMAN) report --corpus $(OUT) --out $(BUILD)/report.html

vrt: $(BUILD)/write.done
	$(GOFTEMAN) export --format vrt --corpus $(OUT) --out $(BUILD)/vrt/gofteman.vrt

test: $(VENV_STAMP)
	$(VENV_PYTHON) -m pytest -q

test-fast: $(VENV_STAMP)
	$(VENV_PYTHON) -m pytest -q -m 'not slow'

# Trained resources: rebuilt from $(DATA) (../shared/data), committed under models/.
zwnj-lexicon: $(VENV_STAMP)
	$(GOFTEMAN) build-zwnj-lexicon --data $(DATA)

# Each evaluation writes results/<name>.json; the README's and the model card's tables are then
# rendered from results/ (never typed). Decisions are made on dev data; the test sets (PerDT test,
# Arman fold 3) are scored once per release.
eval-normalize: $(VENV_STAMP)
	$(GOFTEMAN) eval-normalize --data $(DATA)
	$(GOFTEMAN) render-results

eval-tokenize: $(VENV_STAMP)
	$(GOFTEMAN) eval-tokenize --data $(DATA) --work build/eval-tokenize
	$(GOFTEMAN) render-results

eval-models: $(VENV_STAMP)
	$(GOFTEMAN) eval-models --data $(DATA) --work build/eval-models
	$(GOFTEMAN) render-results

eval-frames: $(VENV_STAMP) $(BUILD)/write.done
	$(GOFTEMAN) eval-frames --corpus $(OUT)/conllu --shared $(SHARED) --work build/eval-frames
	$(GOFTEMAN) render-results

eval-speakers: $(VENV_STAMP)
	$(GOFTEMAN) eval-speakers --shared $(SHARED) --work build/eval-speakers
	$(GOFTEMAN) render-results

eval: eval-normalize eval-tokenize eval-models eval-frames eval-speakers

bench: $(VENV_STAMP) $(BUILD)/write.done
	$(GOFTEMAN) bench --input $(OUT)/conllu
	$(GOFTEMAN) render-results

# End to end from raw text, as a subprocess from scratch: this code against BASE, side by side on
# 5,000 raw PerDT train sentences (500 documents); and this code on 1k, 10k and 100k sentences.
BASE ?= c1e4361
bench-compare: $(VENV_STAMP)
	$(GOFTEMAN) bench-compare --base $(BASE) --data $(DATA)
	$(GOFTEMAN) render-results

bench-scale: $(VENV_STAMP)
	$(GOFTEMAN) bench-scale --data $(DATA)
	$(GOFTEMAN) render-results

results: $(VENV_STAMP)
	$(GOFTEMAN) render-results

# Trains the shipped stanza models in models/fa-small on the CPU (hours on 2 cores; see
# models/fa-small/MODEL_CARD.md for where the shipped ones were trained).
models: $(VENV_STAMP)
	$(GOFTEMAN) train prepare --data $(DATA) --work build/training
	$(GOFTEMAN) train run --work build/training --models $(SHIPPED)

# stanza's published Persian models, for users with internet: then `gofteman run --models official`.
models-official: $(VENV_STAMP)
	$(GOFTEMAN) models-official

# make publish REPO=user/name (token from HF_TOKEN or `hf auth login`); DRY_RUN=dir to only write
# the folder that would be uploaded.
publish: $(OUT)/hf/README.md
	$(GOFTEMAN) publish --folder $(OUT)/hf $(if $(DRY_RUN),--dry-run $(DRY_RUN),--repo $(REPO))

clean:
	rm -rf build
