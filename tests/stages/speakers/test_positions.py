"""Where a name stands for the speakers stage, on sentences written for the tests."""

from gofteman.stages.speakers.positions import in_subject_position, quote_balance
from tests.stages.speakers.test_speakers import _parsed


def test_a_name_in_an_object_or_a_prepositional_phrase_is_not_in_subject_position():
    # «از آزادی علی خبر داد»، «علی را دید»
    freed = _parsed(["از\tاز\tADP\t_\t_\t2\tcase\t_\t_", "آزادی\tآزادی\tNOUN\t_\t_\t4\tobl:arg\t_\t_",
                     "علی\tعلی\tPROPN\t_\t_\t2\tnmod\t_\tNER=B-PER", "خبر\tخبر\tNOUN\t_\t_\t5\tcompound:lvc\t_\t_",
                     "داد\tداد\tVERB\t_\t_\t0\troot\t_\t_"])
    seen = _parsed(["علی\tعلی\tPROPN\t_\t_\t3\tobj\t_\tNER=B-PER", "را\tرا\tADP\t_\t_\t1\tcase\t_\t_",
                    "دید\tدید\tVERB\t_\t_\t0\troot\t_\t_"])
    assert in_subject_position(freed, 2, 3) and not in_subject_position(freed, 2, 3, prepositions=True)
    assert not in_subject_position(seen, 0, 1)
    assert quote_balance(["«", "آب", "."]) == 1 and quote_balance(["نیست", "»", "."]) == -1
