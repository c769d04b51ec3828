"""The ``gofteman`` command (also ``python -m pipeline``)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gofteman.constants import (
    BENCH_SCALE_SENTENCES,
    DEFAULT_MAX_DOCUMENT_BYTES,
    ENGINE_LOCAL,
    ENGINES,
    MAX_DEFAULT_WORKERS,
    MODELS_OFFICIAL,
    MODELS_SHIPPED,
    PRECISION_AUTO,
    PRECISION_BFLOAT16,
    PRECISION_FLOAT32,
    STATUS_OK,
)
from gofteman.stages import STAGE_NAMES

DEFAULT_DATA = Path("../shared/data")


def default_work_dir(out: Path) -> Path:
    return Path("build") / (out.resolve().name or "out")


def cmd_run(args: argparse.Namespace) -> int:
    from gofteman.engines import make_engine
    from gofteman.runner import Runner, iter_problem_lines, select_stages

    stages = select_stages(args.stages.split(",") if args.stages else None, args.from_stage)
    force = {stage.name for stage in stages} if args.force else ({args.from_stage} if args.from_stage else set())
    runner = Runner(Path(args.input), Path(args.out), Path(args.work or default_work_dir(Path(args.out))),
                    stages, force, args.max_bytes, progress=not args.no_progress,
                    overrides={key: value for key, value in (("models", args.models), ("device", args.device),
                                                             ("precision", args.precision)) if value},
                    engine=make_engine(args.engine, args.workers, args.address))
    report = runner.run()
    if args.timings:
        Path(args.timings).write_text(json.dumps({"seconds": report.seconds, "counts": report.counts}, indent=1) + "\n",
                                      encoding="utf-8")
    for line in iter_problem_lines(report):
        print(line, file=sys.stderr)
    ok = sum(record.status == STATUS_OK for record in report.records)
    steps = "; ".join(f"{name}: {c['ran']} ran, {c['cached']} unchanged, {c['failed']} failed"
                      for name, c in report.counts.items())
    print(f"{ok} of {len(report.records)} documents ok ({len(report.problems)} skipped or failed, "
          f"{len(report.ignored)} files ignored). {steps}", file=sys.stderr)
    return 1 if args.strict and report.problems else 0


def cmd_validate(args: argparse.Namespace) -> int:
    from gofteman.validation import validate_files

    files = sorted(Path(args.path).glob("*.conllu")) if Path(args.path).is_dir() else [Path(args.path)]
    if not files:
        print(f"no .conllu files in {args.path}", file=sys.stderr)
        return 1
    failures = validate_files(files, args.level)
    for path, output in failures:
        print(f"{path}: INVALID\n{output}", file=sys.stderr)
    print(f"{len(files) - len(failures)} of {len(files)} files valid at UD level {args.level}")
    return 1 if failures else 0


def cmd_rebuild(args: argparse.Namespace) -> int:
    from gofteman import conllu

    text = conllu.rebuild_text(conllu.read(Path(args.conllu)))
    sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


def cmd_build_zwnj_lexicon(args: argparse.Namespace) -> int:
    from gofteman.constants import ZWNJ_LEXICON_PATH
    from gofteman.text.zwnj import build_lexicon

    lexicon = build_lexicon(Path(args.data), ZWNJ_LEXICON_PATH)
    print(f"{ZWNJ_LEXICON_PATH}: {len(lexicon.counts)} spellings")
    return 0


def _record(name: str, scores: dict, data_files: list, tables: tuple[str, ...]) -> None:
    """Writes results/<name>.json and prints its tables, as the documents show them."""
    from gofteman.evaluation.report import TABLES
    from gofteman.evaluation.results import write_result

    path = write_result(name, scores, " ".join(["gofteman", *sys.argv[1:]]), data_files)
    for table in tables:
        print(TABLES[table](path.parent), end="\n\n")
    print(f"written: {path}")


def cmd_eval_normalize(args: argparse.Namespace) -> int:
    from gofteman.evaluation.normalize_eval import run_evaluation

    scores, files, errors = run_evaluation(Path(args.data), args.errors)
    if errors:
        print("\n".join(errors), end="\n\n")
    _record("normalize", scores, files, ("normalize",))
    return 0


def cmd_eval_tokenize(args: argparse.Namespace) -> int:
    from gofteman.evaluation.tokenize_eval import run_evaluation

    _record("tokenize", *run_evaluation(Path(args.data), Path(args.work)), ("tokenize",))
    return 0


def cmd_eval_models(args: argparse.Namespace) -> int:
    from gofteman.evaluation.models_eval import run_evaluation

    _record("models", *run_evaluation(Path(args.data), Path(args.work)), ("ud", "ner"))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from gofteman.evaluation.bench import run_bench

    _record("bench", *run_bench(Path(args.input)), ("bench",))
    return 0


def _engine_args(args: argparse.Namespace) -> list[str]:
    return ["--workers", str(args.workers)] if args.workers else []


def cmd_bench_compare(args: argparse.Namespace) -> int:
    from gofteman.evaluation.bench_runs import run_compare

    _record("bench-compare", *run_compare(args.base, Path(args.data), _engine_args(args)), ("bench-compare",))
    return 0


def cmd_bench_scale(args: argparse.Namespace) -> int:
    from gofteman.evaluation.bench_runs import run_scale

    sizes = tuple(int(size) for size in args.sizes.split(","))
    _record("bench-scale", *run_scale(Path(args.data), sizes, _engine_args(args)), ("bench-scale",))
    return 0


def cmd_render_results(args: argparse.Namespace) -> int:
    from gofteman.evaluation.report import render_documents

    changed = render_documents(check=args.check)
    for path in changed:
        print(f"{path}: {'disagrees with results/' if args.check else 'rendered from results/'}")
    return 1 if args.check and changed else 0


def cmd_train(args: argparse.Namespace) -> int:
    from gofteman.training import recipe

    if args.step == "prepare":
        recipe.prepare(Path(args.data), Path(args.work))
        return 0
    if args.step == "average":
        if len(args.checkpoints or []) < 2 or not args.out:
            raise SystemExit("gofteman train average: give --checkpoints A B [...] and --out FILE")
        recipe.average_checkpoints([Path(name) for name in args.checkpoints], Path(args.out))
        return 0
    start = Path(args.tagger_start) if args.tagger_start else None
    if start and not start.exists():
        raise FileNotFoundError(f"gofteman train run: --tagger-start {start}: no such file")
    return 1 if recipe.run(Path(args.work), Path(args.models), args.only or list(recipe.MODEL_FILES), start) else 0


def cmd_models_official(args: argparse.Namespace) -> int:
    from gofteman.stanza_models import download_official

    download_official()
    return 0


def _print_frame_errors(name: str, errors: list[dict]) -> None:
    for error in errors:
        print(f"{name} {error['id']} {error['kind']} {error['label']}: gold={','.join(error['gold']) or '_'} "
              f"predicted={','.join(error['predicted']) or '_'}\n"
              f"    fired: {'; '.join(error['fired']) or 'none'}"
              + (f"\n    near misses: {'; '.join(error['near_misses'])}" if error["near_misses"] else "")
              + (f"\n    gold triggers: {'; '.join(error['triggers'])}" if error["triggers"] else "")
              + f"\n    {error['text'][:200]}")


def cmd_eval_frames(args: argparse.Namespace) -> int:
    from gofteman.evaluation import frames_eval
    from gofteman.evaluation.report import frame_scores_table

    if args.gold:
        for path in map(Path, args.gold):
            result = frames_eval.evaluate_gold_file(path, Path(args.work))
            _print_frame_errors(path.name, result["errors"])
            print(frame_scores_table({path.name: result}, precision_recall=True), end="\n\n")
        return 0
    scores, files = frames_eval.run_evaluation(Path(args.corpus), Path(args.shared), Path(args.work))
    for name in args.errors:
        _print_frame_errors(name, scores[name]["errors"])
    table = frames_eval.write_confidence_table(scores["train"], files[0])
    print(f"written: {table}")
    _record("frames", scores, files, ("frames",))
    return 0


def cmd_frames_mine(args: argparse.Namespace) -> int:
    from gofteman.evaluation.frames_eval import mine_train

    candidates, neighbours = mine_train(Path(args.shared), Path(args.work), args.top, args.neighbours)
    lines = ["frame\tfeature\tz\tpositive\tnegative\tcoverage"]
    lines += [f"{c.frame}\t{c.feature}\t{c.z:.2f}\t{c.positive}\t{c.negative}\t{c.coverage:.2f}" for c in candidates]
    lines += ["", "lexicon\tentry\tneighbour\tcosine"]
    lines += [f"{name}\t{entry}\t{word}\t{cosine:.2f}" for name, found in neighbours.items() for entry, word, cosine in found]
    text = "\n".join(lines) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"{args.out}: {len(candidates)} candidates, {sum(map(len, neighbours.values()))} neighbours to review")
    else:
        sys.stdout.write(text)
    return 0


def cmd_eval_speakers(args: argparse.Namespace) -> int:
    from gofteman.evaluation.speakers_eval import run_evaluation

    scores, files = run_evaluation(Path(args.shared), Path(args.work))
    for miss in scores["train"]["misses"]:  # validation's are never listed
        print(f"train {miss}")
    _record("speakers", scores, files, ("speakers",))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from gofteman.explain import annotate_text, explain, find_sentence

    if args.sent_id:
        sentences = [find_sentence(Path(args.corpus), args.sent_id)]
    elif args.text:
        sentences = annotate_text(args.text)
    else:
        print("gofteman explain: give a sentence, or --sent-id ID", file=sys.stderr)
        return 2
    print(explain(sentences))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    if args.format == "hf":
        from gofteman.export.hf import write_dataset

        out = Path(args.out or corpus / "hf")
        stats = write_dataset(corpus / "conllu", corpus / "manifest.json", out)
        print(f"{out}: {stats['documents']} documents, {stats['sentences']} sentences, {stats['tokens']} tokens")
    elif args.format == "vrt":
        from gofteman.workbench.corpus import Corpus
        from gofteman.workbench.vrt import write_vrt

        out = Path(args.out or corpus / "vrt" / "gofteman.vrt")
        print(", ".join(str(path) for path in write_vrt(Corpus.load(corpus), out)) + ": written")
    elif args.format == "review":
        from gofteman.export.review import write_review
        from gofteman.labels import frame_labels

        out = Path(args.out or corpus / "review.tsv")
        count = write_review(corpus / "conllu", out, tuple(frame_labels()))
        print(f"{out}: {count} sentences to review (score them back: gofteman eval-frames --gold {out})")
    else:
        from gofteman.export.spacy_docbin import export_docbin

        out = Path(args.out or corpus / "corpus.spacy")
        print(f"{out}: {export_docbin(corpus / 'conllu', out)} Docs")
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from gofteman.export.hub import PublishError, dry_run, publish

    try:
        if args.dry_run:
            files = dry_run(Path(args.folder), Path(args.dry_run))
            print(f"{args.dry_run}: the {len(files)} files that would be uploaded")
        else:
            print(f"uploaded {args.folder} to {args.repo}: {publish(Path(args.folder), args.repo)}")
    except PublishError as error:
        print(f"gofteman publish: {error}", file=sys.stderr)
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gofteman", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="build the corpus from input documents")
    run.add_argument("--input", default="seeds", help="a folder of .txt/.jsonl files, a .jsonl or a .txt file")
    run.add_argument("--out", default="corpus", help="output folder (conllu/ and manifest.json)")
    run.add_argument("--work", help="folder for intermediate artifacts (default build/<out name>)")
    run.add_argument("--stages", help=f"comma-separated stages to run, of: {', '.join(STAGE_NAMES)}")
    run.add_argument("--from", dest="from_stage", metavar="STAGE",
                     help="rerun this stage (ignoring its cache) and every stage after it")
    run.add_argument("--force", action="store_true", help="recompute every chosen stage")
    run.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_DOCUMENT_BYTES,
                     help="skip documents larger than this (default %(default)s)")
    run.add_argument("--no-progress", action="store_true", help="no progress bars")
    run.add_argument("--strict", action="store_true", help="exit 1 if any document was skipped or failed")
    run.add_argument("--models", choices=[MODELS_SHIPPED, MODELS_OFFICIAL],
                     help="stanza models for tag and ner (default: schemas/tag.yaml, schemas/ner.yaml)")
    run.add_argument("--device", help="where stanza runs: cpu or cuda[:N] (default: schemas/tag.yaml etc., cpu)")
    run.add_argument("--precision", choices=[PRECISION_AUTO, PRECISION_FLOAT32, PRECISION_BFLOAT16],
                     help="the stanza models' matrix products: auto (bfloat16 where the CPU computes it natively), "
                          "float32 or bfloat16 (default: schemas/tag.yaml etc.)")
    run.add_argument("--engine", choices=ENGINES, default=ENGINE_LOCAL,
                     help="local: this machine's cores; ray: a Ray cluster (pip install 'gofteman[ray]')")
    run.add_argument("--workers", type=int,
                     help=f"worker processes (local: default one per core, at most {MAX_DEFAULT_WORKERS}; "
                          f"1 runs in this process) or Ray actors per stage (ray: default the cluster's CPUs)")
    run.add_argument("--address", help="the Ray cluster to join (ray; default: start a local one)")
    run.add_argument("--timings", metavar="FILE", help="write each stage's wall time (seconds) to this JSON file")
    run.set_defaults(handler=cmd_run)

    validate = commands.add_parser("validate", help="run the official UD validator (udtools)")
    validate.add_argument("path", nargs="?", default="corpus/conllu")
    validate.add_argument("--level", type=int, default=2)
    validate.set_defaults(handler=cmd_validate)

    rebuild = commands.add_parser("rebuild", help="print the original text of a CoNLL-U document")
    rebuild.add_argument("conllu")
    rebuild.set_defaults(handler=cmd_rebuild)

    lexicon = commands.add_parser("build-zwnj-lexicon", help="count ZWNJ spellings in raw text")
    lexicon.add_argument("--data", default=str(DEFAULT_DATA))
    lexicon.set_defaults(handler=cmd_build_zwnj_lexicon)

    eval_norm = commands.add_parser("eval-normalize", help="measure ZWNJ repair on UD text")
    eval_norm.add_argument("--data", default=str(DEFAULT_DATA))
    eval_norm.add_argument("--errors", action="store_true", help="list every miss and spurious ZWNJ")
    eval_norm.set_defaults(handler=cmd_eval_normalize)

    eval_tok = commands.add_parser("eval-tokenize", help="score tokens and sentences on UD text")
    eval_tok.add_argument("--data", default=str(DEFAULT_DATA))
    eval_tok.add_argument("--work", default="build/eval-tokenize")
    eval_tok.set_defaults(handler=cmd_eval_tokenize)

    eval_models = commands.add_parser("eval-models", help="score tag and ner: PerDT test from raw text, Arman fold 3")
    eval_models.add_argument("--data", default=str(DEFAULT_DATA))
    eval_models.add_argument("--work", default="build/eval-models")
    eval_models.set_defaults(handler=cmd_eval_models)

    bench = commands.add_parser("bench", help="tokens per second and peak memory of mwt+tag+ner (and frames)")
    bench.add_argument("--input", default="corpus/conllu", help="a folder of CoNLL-U files")
    bench.set_defaults(handler=cmd_bench)

    compare = commands.add_parser("bench-compare", help="end-to-end time of this code and an older commit, side by side")
    compare.add_argument("--base", required=True, help="the commit to compare with (checked out in a temporary worktree)")
    compare.add_argument("--data", default=str(DEFAULT_DATA))
    compare.add_argument("--workers", type=int, help="this code's --workers (default: its default)")
    compare.set_defaults(handler=cmd_bench_compare)

    scale = commands.add_parser("bench-scale", help="end-to-end time and peak memory on growing inputs")
    scale.add_argument("--data", default=str(DEFAULT_DATA))
    scale.add_argument("--sizes", default=",".join(map(str, BENCH_SCALE_SENTENCES)), help="sentences per run, comma-separated")
    scale.add_argument("--workers", type=int, help="--workers of the runs (default: the default)")
    scale.set_defaults(handler=cmd_bench_scale)

    eval_speakers = commands.add_parser("eval-speakers", help="score speaker attribution against the gold documents")
    eval_speakers.add_argument("--shared", default=str(DEFAULT_DATA.parent), help="the shared folder (eval/ inside)")
    eval_speakers.add_argument("--work", default="build/eval-speakers", help="where the gold documents are annotated (cached)")
    eval_speakers.set_defaults(handler=cmd_eval_speakers)

    render = commands.add_parser("render-results", help="render the README's and the model card's tables from results/")
    render.add_argument("--check", action="store_true", help="change nothing; exit 1 if a document disagrees with results/")
    render.set_defaults(handler=cmd_render_results)

    train = commands.add_parser("train", help="train the shipped stanza models (make models)")
    train.add_argument("step", choices=["prepare", "run", "average"])
    train.add_argument("--data", default=str(DEFAULT_DATA))
    train.add_argument("--work", default="build/training")
    train.add_argument("--models", default="models/fa-small")
    train.add_argument("--only", nargs="*", help="train only these models")
    train.add_argument("--tagger-start", help="run: the tagger continues from this model's weights "
                       "(same training data; Adam starts afresh)")
    train.add_argument("--checkpoints", nargs="*", help="average: checkpoints of one model and training run")
    train.add_argument("--out", help="average: the averaged model to write (float16 as shipped)")
    train.set_defaults(handler=cmd_train)

    eval_frames = commands.add_parser(
        "eval-frames", help="score frame labels against the gold sets (train, validation, seed) or your own (--gold)")
    eval_frames.add_argument("--corpus", default="corpus/conllu")
    eval_frames.add_argument("--shared", default=str(DEFAULT_DATA.parent), help="the shared folder (eval/ inside)")
    eval_frames.add_argument("--work", default="build/eval-frames", help="where the gold sentences are annotated (cached)")
    eval_frames.add_argument("--errors", nargs="*", default=["train", "seed"], choices=["train", "seed"], metavar="SET",
                             help="the sets whose wrong sentences are listed (default: train seed; validation never)")
    eval_frames.add_argument("--gold", nargs="+", metavar="FILE.tsv",
                             help="score these files in the gold format instead (id, text, hope, threat, achievement, "
                                  "enemy; optional source, triggers): per-frame P/R/F1 and every error with its rule")
    eval_frames.set_defaults(handler=cmd_eval_frames)

    frames = commands.add_parser("frames", help="tools for the frame rules")
    frames_commands = frames.add_subparsers(dest="frames_command", required=True)
    mine = frames_commands.add_parser(
        "mine", help="cue candidates from the training set (log-odds, coverage by the rules) and the lexicons' "
                     "nearest neighbours in the shipped word vectors, for a linguist to review")
    mine.add_argument("--shared", default=str(DEFAULT_DATA.parent), help="the shared folder (eval/ inside)")
    mine.add_argument("--work", default="build/eval-frames", help="where the training sentences are annotated (cached)")
    mine.add_argument("--top", type=int, default=30, help="candidates per frame (default 30)")
    mine.add_argument("--neighbours", type=int, default=3, help="neighbours per lexicon entry (0: none; default 3)")
    mine.add_argument("--out", help="write the TSV here instead of standard output")
    mine.set_defaults(handler=cmd_frames_mine)

    explain = commands.add_parser("explain", help="show the frame rules that fire on a sentence, and near misses")
    explain.add_argument("text", nargs="?", help="Persian text (normalised, tokenised and tagged first)")
    explain.add_argument("--sent-id", help="explain this sentence of the corpus instead")
    explain.add_argument("--corpus", default="corpus/conllu")
    explain.set_defaults(handler=cmd_explain)

    export = commands.add_parser("export", help="the corpus as a Hugging Face dataset or a spaCy DocBin")
    export.add_argument("--format", choices=["hf", "spacy", "vrt", "review"], default="hf",
                        help="hf: Parquet and card; spacy: a DocBin; vrt: CWB vertical text for CQPweb, Sketch Engine, "
                             "Korp; review: a frame review sheet in the gold format, prefilled with the machine's labels")
    export.add_argument("--corpus", default="corpus", help="the run's output folder (conllu/, manifest.json)")
    export.add_argument("--out", help="default: CORPUS/hf, CORPUS/corpus.spacy, CORPUS/vrt/gofteman.vrt or CORPUS/review.tsv")
    export.set_defaults(handler=cmd_export)

    publish = commands.add_parser("publish", help="push the dataset to the Hugging Face Hub")
    publish.add_argument("--repo", help="user/name of the dataset repository")
    publish.add_argument("--folder", default="corpus/hf")
    publish.add_argument("--dry-run", metavar="DIR", help="write the folder that would be uploaded, upload nothing")
    publish.set_defaults(handler=cmd_publish)

    from gofteman.workbench.commands import add_commands
    add_commands(commands)

    official = commands.add_parser("models-official", help="download stanza's Persian models (internet)")
    official.set_defaults(handler=cmd_models_official)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (ValueError, FileNotFoundError) as error:
        print(f"gofteman: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the output piped into head or less, closed early
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
