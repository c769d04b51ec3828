"""Names used across gofteman, defined once: MISC keys, comment keys, capability names, paths.

The conventions behind these names are documented in ``schemas/conllu.md``.
"""

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

try:
    VERSION = version("gofteman")
except PackageNotFoundError:  # running from a checkout that was not installed
    VERSION = "0+unknown"

ZWNJ = "\u200c"
#: ZWNJ and ZWJ: part of Persian spelling, never spacing unless they stand alone
JOINERS = ZWNJ + "\u200d"

#: Repository paths (the package is run from a checkout or an editable install).
PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
SCHEMAS_DIR = PROJECT_DIR / "schemas"
MODELS_DIR = PROJECT_DIR / "models"
#: Evaluation results (results/<name>.json), which every shown score is rendered from.
RESULTS_DIR = PROJECT_DIR / "results"
ZWNJ_LEXICON_PATH = MODELS_DIR / "zwnj-fa" / "lexicon.tsv.gz"
#: The stanza models gofteman ships (trained by `make models`).
SHIPPED_MODELS_DIR = MODELS_DIR / "fa-small"
#: past stem -> UD present stem of verb lemmas, learnt from iPerUDT (pipeline/verb_lemmas.py)
VERB_STEMS_PATH = SHIPPED_MODELS_DIR / "verb_stems.tsv"
#: word -> its analyses in the shipped models' UD PerDT training data (pipeline/tag_dictionary.py)
TAG_DICTIONARY_PATH = SHIPPED_MODELS_DIR / "tag_dictionary.tsv"
MODELS_SHIPPED = "shipped"
MODELS_OFFICIAL = "official"

#: The language of the corpus (ISO 639-1), for the UD validator and metadata.
LANGUAGE = "fa"
#: The UPOS of verbs and auxiliaries, the words with verb lemmas and personal endings.
VERB_UPOS = frozenset({"VERB", "AUX"})
#: UD's relation of a later part of a word written in parts to its first part («می» + «رود»)
GOESWITH = "goeswith"
QUESTION_MARKS = frozenset({"؟", "?"})
#: The marks that end a body sentence of news; a headline has none.
SENTENCE_END_MARKS = QUESTION_MARKS | {".", "!", "…"}
#: What opens direct speech after a speaker («گفت: ...») or a headline's speaker («X: ...»).
COLONS = (":", "：")
#: What separates a news dateline's place and agency from the text («تهران - ایرنا - ...»).
DATELINE_DASHES = ("-", "–", "—")

# --- CoNLL-U MISC keys ------------------------------------------------------------------------
MISC_SPACE_AFTER = "SpaceAfter"  # UD: "No" when no whitespace follows the token
MISC_SPACES_AFTER = "SpacesAfter"  # UDPipe: the exact (escaped) characters after the token
MISC_SPACES_BEFORE = "SpacesBefore"  # UDPipe: characters before the first token of a document
MISC_NORM = "Norm"  # the normalised form (hazm + ZWNJ repair) where it differs from FORM
MISC_ORIG_LEMMA = "OrigLemma"  # UD Persian: a verb's past#present stems (LEMMA holds the past stem)
MISC_NER = "NER"  # IOB2 named-entity tag (B-PER, I-ORG...), written only inside entities
MISC_FRAME = "Frame"
MISC_SPEECH = "Speech"  # "Cue" on the words of a speech cue (گفت، اظهار داشت، به گفته)
MISC_SPEAKER = "Speaker"  # "Mention" on the words that name the sentence's speaker  # frame evidence: label:rule:span-number[:neg], comma-separated

# --- CoNLL-U comment keys ---------------------------------------------------------------------
COMMENT_NEWDOC = "newdoc id"
COMMENT_NEWPAR = "newpar"
COMMENT_SENT_ID = "sent_id"
COMMENT_TEXT = "text"
COMMENT_META_PREFIX = "meta::"
COMMENT_FRAMES = "frames"
#: each frame label's confidence, the train precision of its best rule: ``hope:0.91,enemy:0.88``
COMMENT_FRAME_CONFIDENCE = "frame_confidence"
COMMENT_SPEAKER = "speaker"  # the fullest name of who says the sentence; absent for narration
COMMENT_SPEECH = "speech"  # direct or indirect; absent for narration
SPEECH_DIRECT = "direct"
SPEECH_INDIRECT = "indirect"

# --- capabilities that stages require and provide --------------------------------------------
CAP_SOURCE_TEXT = "document.text"
CAP_SOURCE_META = "document.meta"
CAP_NORMALIZED = "document.normalized"
CAP_SENTENCES = "conllu.sentences"
CAP_TOKENS = "conllu.FORM"
CAP_NORM = f"conllu.MISC.{MISC_NORM}"
CAP_WORDS = "conllu.words"  # syntactic words: multiword tokens split
CAP_SPACING = f"conllu.MISC.{MISC_SPACES_AFTER}"
CAP_LEMMA = "conllu.LEMMA"
CAP_ORIG_LEMMA = f"conllu.MISC.{MISC_ORIG_LEMMA}"
CAP_UPOS = "conllu.UPOS"
CAP_XPOS = "conllu.XPOS"
CAP_FEATS = "conllu.FEATS"
CAP_TREE = "conllu.HEAD+DEPREL"
CAP_NER = f"conllu.MISC.{MISC_NER}"
CAP_FRAMES = "conllu.frames"
CAP_SPEAKERS = "conllu.speakers"
CAP_CORPUS_FILE = "corpus.conllu"


# --- inputs ---------------------------------------------------------------------------------
TEXT_SUFFIX = ".txt"
JSONL_SUFFIX = ".jsonl"
SIDECAR_SUFFIX = ".meta.json"
#: Documents larger than this are skipped with a message (override with --max-bytes).
DEFAULT_MAX_DOCUMENT_BYTES = 5_000_000
#: Document ids become file names and sentence ids.
DOC_ID_PATTERN = r"[^\W][\w.\-]{0,199}"

# --- outputs ---------------------------------------------------------------------------------
CONLLU_DIRNAME = "conllu"
MANIFEST_FILENAME = "manifest.json"
MANIFEST_SCHEMA_PATH = SCHEMAS_DIR / "manifest.schema.json"

#: The Hugging Face dataset's configs.
CONFIG_SENTENCES = "sentences"
CONFIG_DOCUMENTS = "documents"

STATUS_OK = "ok"
STATUS_SKIPPED = "skipped"
STATUS_FAILED = "failed"

# --- engines (pipeline/engines/) ---------------------------------------------------------------
ENGINE_LOCAL = "local"
ENGINE_RAY = "ray"
ENGINES = (ENGINE_LOCAL, ENGINE_RAY)
#: Default worker processes: one per core, at most this many (each loads its stage's models).
MAX_DEFAULT_WORKERS = 4
#: Documents a worker gets at a time, and chunks kept waiting per worker ahead of the one written.
DOCUMENTS_PER_TASK = 16
TASKS_AHEAD_PER_WORKER = 2
#: A worker hands freed memory back to the system (``malloc_trim``) when it has grown by this much
#: since it last did, and whenever it changes stage.
TRIM_AFTER_GROWTH_MB = 64
#: Where a worker cannot wait on its run's exit (no ``os.pidfd_open``), how often it checks it.
RUN_ALIVE_CHECK_SECONDS = 1.0
#: Documents of one Ray Dataset (its actors load the stage's models once for all of them).
RAY_DOCUMENTS_PER_DATASET = 5_000
#: A folder: a worker that takes one of its files dies (the engines' retry tests).
FAULT_INJECTION_ENV = "GOFTEMAN_FAULT_TOKENS"

# --- stanza at inference (pipeline/stanza_inference.py) -------------------------------------------
#: Where the stanza stages' matrix products are computed (their ``precision`` setting).
PRECISION_AUTO = "auto"
PRECISION_FLOAT32 = "float32"
PRECISION_BFLOAT16 = "bfloat16"
#: Kernels oneDNN keeps for the shapes it has seen (its default, 1,024, holds a gigabyte of
#: bfloat16 kernels in a tag worker).
ONEDNN_PRIMITIVE_CACHE_CAPACITY = 16
#: Words whose character vectors each character model keeps (then it starts afresh): about
#: 400 floats a word for the tagger's, so at most about 80 MB for it.
CHAR_CACHE_WORDS = 50_000
#: (word, UPOS) pairs whose lemma the tag stage keeps, and multiword tokens whose words the mwt
#: stage keeps (then each starts afresh).
LEMMA_CACHE_WORDS = 200_000
MWT_CACHE_TOKENS = 200_000
#: Answers each stanza vocabulary keeps of its lookups (a word's characters, features).
VOCAB_LOOKUPS_KEPT = 100_000
#: A bilinear classifier whose second input has at most this many distinct rows in a batch is
#: reduced by each of them first (the tagger's UPOS has 17 values).
BILINEAR_FEW_VALUES = 64

# --- end-to-end benchmarks (pipeline/evaluation/bench_runs.py) ------------------------------------
#: Raw PerDT train sentences a benchmark document holds; sentences of `make bench-compare`; sizes
#: of `make bench-scale`.
BENCH_SENTENCES_PER_DOCUMENT = 10
BENCH_COMPARE_SENTENCES = 5_000
BENCH_SCALE_SENTENCES = (1_000, 10_000, 100_000)
