"""Frame spans in CoNLL-U: overlapping spans survive the round trip, and the file stays valid."""

from pipeline import conllu
from pipeline.frames.docs import read_frames, write_frames
from pipeline.frames.rules import FrameSpan
from pipeline.validation import validate_file

SENTENCE = ("# sent_id = d-1\n# text = دشمن حمله سایبری کرد.\n"
            "1\tدشمن\tدشمن\tNOUN\tN_IANM\tNumber=Sing\t4\tnsubj\t_\t_\n"
            "2\tحمله\tحمله\tNOUN\tN_IANM\tNumber=Sing\t4\tcompound:lvc\t_\t_\n"
            "3\tسایبری\tسایبری\tADJ\tADJ_AJP\t_\t2\tamod\t_\t_\n"
            "4\tکرد\tکرد\tVERB\tV_ACT\tNumber=Sing|Person=3|Tense=Past\t0\troot\t_\tSpaceAfter=No\n"
            "5\t.\t.\tPUNCT\tPUNC\t_\t4\tpunct\t_\tSpaceAfter=No\n\n")
LABELS = ("hope", "threat", "achievement", "enemy")


def test_overlapping_spans_round_trip(tmp_path):
    [sentence] = conllu.parse(SENTENCE)
    spans = [FrameSpan("threat", 0, 3, "threat-enemy-attack"), FrameSpan("threat", 1, 3, "threat-lexical"),
             FrameSpan("enemy", 0, 1, "enemy-lexical", negated=True)]
    write_frames(sentence, spans, LABELS)
    text = conllu.format_sentences([sentence])
    [again] = conllu.parse(text)
    labels, read = read_frames(again)
    assert labels == ["threat", "enemy"]  # the fixed label order
    assert sorted(read, key=lambda s: (s.label, s.start, s.rule)) == sorted(spans, key=lambda s: (s.label, s.start, s.rule))
    assert again.comment("frames") == "threat,enemy"
    assert conllu.misc_get(again.words()[1][conllu.MISC], "Frame") == "threat:threat-enemy-attack:1,threat:threat-lexical:2"
    path = tmp_path / "frames.conllu"
    path.write_text(text, encoding="utf-8")
    passed, report = validate_file(path)
    assert passed, report


def test_sentence_without_frames():
    [sentence] = conllu.parse(SENTENCE)
    write_frames(sentence, [], LABELS)
    assert sentence.comment("frames") == "_"
    assert read_frames(sentence) == ([], [])
