"""Frame spans in CoNLL-U: overlapping spans survive the round trip, and the file stays valid."""

import spacy

from gofteman import conllu
from gofteman.frames.docs import read_frames, sentence_doc, write_frames
from gofteman.frames.rules import FrameSpan
from gofteman.validation import validate_file

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


def test_span_group_keeps_overlaps_and_rule_ids():
    import spacy

    from gofteman.frames.docs import SPAN_GROUP, add_span_group, sentence_doc

    [sentence] = conllu.parse(SENTENCE)
    doc = sentence_doc(spacy.blank("fa").vocab, sentence)
    add_span_group(doc, [FrameSpan("threat", 1, 3, "threat-lexical"), FrameSpan("enemy", 0, 1, "enemy-lexical")])
    group = doc.spans[SPAN_GROUP]
    assert [(s.label_, s.id_, s.text) for s in group] == [("threat", "threat-lexical", "حمله سایبری"),
                                                          ("enemy", "enemy-lexical", "دشمن")]
    assert [t.ent_type_ for t in doc] == ["", "", "", "", ""]
    assert doc[3].dep_ == "ROOT" and doc[0].head.i == 3


SPACED = ("# sent_id = d-2\n# text = تولید افزایش می یابد.\n"
          "1\tتولید\tتولید\tNOUN\tN_SING\tNumber=Sing\t3\tnsubj\t_\t_\n"
          "2\tافزایش\tافزایش\tNOUN\tN_SING\tNumber=Sing\t3\tcompound:lvc\t_\t_\n"
          "3\tمی\tیافت\tVERB\tV_PRS\tNumber=Sing|Person=3|Tense=Pres\t0\troot\t_\t_\n"
          "4\tیابد\t_\tX\t_\t_\t3\tgoeswith\t_\tSpaceAfter=No\n"
          "5\t.\t.\tPUNCT\tPUNC\t_\t3\tpunct\t_\tSpaceAfter=No\n\n")


def test_a_word_written_in_parts_is_read_whole():
    """The rules read «می یابد» (its second part goeswith the first) as «می‌یابد»; the Doc's words
    stay the sentence's own, so evidence spans still index the CoNLL-U words."""
    [sentence] = conllu.parse(SPACED)
    doc = sentence_doc(spacy.blank("fa").vocab, sentence)
    assert [token.text for token in doc] == ["تولید", "افزایش", "می", "یابد", "."]
    assert doc[2].norm_ == "می\u200cیابد"
    assert doc[0].norm_ == "تولید"
