import pytest

from gofteman.stages.write import Write

VALID = "# newdoc id = d\n# sent_id = d-1\n# text = سلام\n1\tسلام\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\n"


def test_passes_a_valid_document_through():
    assert Write().process("d", VALID).output == VALID


def test_rejects_a_document_of_another_id():
    with pytest.raises(ValueError, match="'# newdoc id' is 'd', expected 'e'"):
        Write().process("e", VALID)


def test_rejects_malformed_conllu_with_its_line():
    with pytest.raises(ValueError, match=r"d.conllu:4: expected 10 tab-separated columns"):
        Write().process("d", VALID.replace("\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No", "\tSpaceAfter=No"))
