"""stanza's models at inference: the character vectors read once, the parser's relations scored
on its tree's arcs only; the same decisions as stanza's own computation."""

import numpy as np
import pytest
import torch

from gofteman import stanza_inference
from gofteman.stanza_inference import labelled_trees


class RelationVocab:
    """The part of stanza's deprel vocabulary the decoder reads: ids past its prefix of 4."""

    def __init__(self, relations: list[str]) -> None:
        self.relations = ["<PAD>", "<UNK>", "<EMPTY>", "<ROOT>", *relations]

    def unmap(self, ids: list[int]) -> list[str]:
        return [self.relations[i] for i in ids]


RELATIONS = RelationVocab(["nsubj", "obj", "obl", "amod", "nmod", "root", "punct", "csubj"])


def random_scores(rng: np.random.Generator, sentences: int, length: int):
    lengths = [int(n) for n in rng.integers(3, length + 1, sentences)]
    arcs = rng.normal(size=(sentences, length, length)).astype(np.float32)
    arcs[:, np.arange(length), np.arange(length)] = -np.inf
    arc_log_probs = arcs - np.log(np.exp(arcs).sum(2, keepdims=True))
    relations = rng.normal(size=(sentences, length, length, len(RELATIONS.relations) - 4)).astype(np.float32)
    # most arcs choose a subject or an object, so that many heads get two of them
    relations[..., :2] += 0.5
    relation_log_probs = relations - np.log(np.exp(relations).sum(3, keepdims=True))
    return arc_log_probs, lengths, relation_log_probs


@pytest.mark.parametrize("resolve", [True, False])
def test_relations_asked_for_the_arcs_only_decode_as_stanza_does(resolve):
    from stanza.models.depparse.model import GraphParser

    stanza_inference.install()  # stanza's decoder then searches trees as the pipeline does
    rng = np.random.default_rng(3)
    arc_log_probs, lengths, relation_log_probs = random_scores(rng, 60, 10)
    asked = []

    def arc_relations(trees):
        return [int(np.argmax(relation_log_probs[i, j, head])) for i, tree in enumerate(trees)
                for j, head in enumerate(tree) if j]

    def full_table(i):
        asked.append(i)
        return relation_log_probs[i, :lengths[i], :lengths[i]]

    ours = labelled_trees(arc_log_probs, lengths, arc_relations, full_table, RELATIONS, resolve)
    best_relations = relation_log_probs.argmax(3) + 4
    stanzas = GraphParser.decode_graph_predictions(RELATIONS, len(lengths),
                                                   [arc_log_probs, best_relations, relation_log_probs], lengths,
                                                   resolve_head_constraints=resolve)
    assert ours == [[[int(head), relation] for head, relation in sentence] for sentence in stanzas]
    if resolve:
        assert 0 < len(asked) < len(lengths)  # the repair ran, on the sentences that needed it only
    else:
        assert not asked


@pytest.fixture(scope="module")
def tag_pipeline():
    from gofteman.stanza_models import build_pipeline

    return build_pipeline(["pos", "lemma", "depparse"], "shipped", {"pos": 64, "lemma": 1000, "depparse": 1000})


SENTENCES = [
    ["دانشجویان", "دیروز", "در", "دانشگاه", "تهران", "با", "استادان", "خود", "دیدار", "کردند", "."],
    ["دولت", "برنامه", "تازه‌ای", "برای", "کاهش", "تورم", "ارائه", "داد", "."],
    ["او", "گفت", "که", "این", "طرح", "تا", "پایان", "سال", "به", "پایان", "می‌رسد", "."],
    ["کتاب", "را", "خواندم", "."],
]


@pytest.mark.slow
def test_parser_predicts_what_stanza_predicts(tag_pipeline):
    from stanza.models.depparse.model import GraphParser

    document = tag_pipeline(SENTENCES, processors="tokenize,pos,lemma")
    processor = tag_pipeline.processors["depparse"]
    ours = [(w.head, w.deprel) for s in processor.process(document).sentences for w in s.words]
    faster = GraphParser.predict
    try:
        GraphParser.predict = faster.__wrapped__  # stanza's own
        stanzas = [(w.head, w.deprel) for s in processor.process(document).sentences for w in s.words]
    finally:
        GraphParser.predict = faster
    assert ours == stanzas


@pytest.mark.slow
def test_character_vectors_are_computed_once_per_word(tag_pipeline, monkeypatch):
    from torch.nn.utils.rnn import pad_packed_sequence

    from stanza.models.common.char_model import CharacterModel

    model = tag_pipeline.processors["depparse"].trainer.model.charmodel
    model.__dict__.pop("_gofteman_vectors", None)
    words = [[5, 6, 7, 8], [9, 10, 11], [5, 6, 7, 8], [12, 13], [9, 10, 11]]  # char ids; two words twice
    order = sorted(range(len(words)), key=lambda i: -len(words[i]))
    chars = torch.zeros(len(words), 4, dtype=torch.long)
    for row, index in enumerate(order):
        chars[row, :len(words[index])] = torch.tensor(words[index])
    lengths = [len(words[i]) for i in order]
    arguments = (chars, chars == 0, order, [3, 2], lengths)  # two sentences of 3 and 2 words
    computed = []
    real = stanza_inference._character_vectors
    monkeypatch.setattr(stanza_inference, "_character_vectors",
                        lambda m, c, n: computed.append(len(n)) or real(m, c, n))
    with torch.no_grad():
        cached = pad_packed_sequence(model(*arguments), batch_first=True)[0]
        again = pad_packed_sequence(model(*arguments), batch_first=True)[0]
        stanzas = pad_packed_sequence(CharacterModel.forward.__wrapped__(model, *arguments), batch_first=True)[0]
    assert computed == [3]  # three distinct words, once each, and nothing the second time
    assert torch.equal(cached, again)
    assert torch.allclose(cached, stanzas, atol=1e-6)
    assert torch.equal(cached[0, 0], cached[0, 2])  # the same word, the same vector

    monkeypatch.setattr(stanza_inference, "CHAR_CACHE_WORDS", 2)
    model.__dict__["_gofteman_vectors"].clear()
    with torch.no_grad():
        bounded = pad_packed_sequence(model(*arguments), batch_first=True)[0]
    assert len(model.__dict__["_gofteman_vectors"]) <= 3  # started afresh: the cache never holds more
    assert torch.allclose(bounded, stanzas, atol=1e-6)


def test_matrix_products_in_bfloat16_leave_the_rest_in_float32():
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    from gofteman.stanza_inference import compute_in

    torch.manual_seed(0)
    model = torch.nn.ModuleDict({"lstm": torch.nn.LSTM(6, 5, batch_first=True, bidirectional=True),
                                 "linear": torch.nn.Linear(10, 3), "norm": torch.nn.LayerNorm(3)}).eval()
    inputs = pack_padded_sequence(torch.randn(2, 4, 6), [4, 2], batch_first=True)

    def run():
        with torch.no_grad():
            output, _ = model["lstm"](inputs)
            return model["norm"](model["linear"](pad_packed_sequence(output, batch_first=True)[0]))

    before = run()
    compute_in(model, torch.bfloat16)
    compute_in(model, torch.bfloat16)  # a second call changes nothing more
    after = run()
    assert model["lstm"].weight_ih_l0.dtype == model["linear"].weight.dtype == torch.bfloat16
    assert model["norm"].weight.dtype == torch.float32 and after.dtype == torch.float32
    assert len(model["linear"]._forward_hooks) == 1
    assert torch.allclose(before, after, atol=0.1) and not torch.equal(before, after)


def test_precision_auto_is_bfloat16_only_where_the_cpu_computes_it(monkeypatch):
    from gofteman import stanza_models
    from gofteman.stanza_models import resolve_precision

    monkeypatch.setattr(stanza_models, "cpu_has_bfloat16", lambda: True)
    assert resolve_precision("auto", "cpu") == "bfloat16"
    assert resolve_precision("auto", "cuda") == "float32"
    monkeypatch.setattr(stanza_models, "cpu_has_bfloat16", lambda: False)
    assert resolve_precision("auto", "cpu") == "float32"
    assert resolve_precision("bfloat16", "cpu") == "bfloat16"  # asked for: as asked
    with pytest.raises(ValueError, match="unknown precision 'half': use auto, float32 or bfloat16"):
        resolve_precision("half", "cpu")


def test_the_resolved_precision_is_part_of_the_stage_fingerprint(monkeypatch):
    from gofteman import stanza_models
    from gofteman.stages.tag import Tag

    monkeypatch.setattr(stanza_models, "cpu_has_bfloat16", lambda: False)
    assert Tag.configure()["precision"] == "float32"  # tag.yaml: auto
    assert Tag.configure(overrides={"precision": "float32"}) == Tag.configure()
    monkeypatch.setattr(stanza_models, "cpu_has_bfloat16", lambda: True)
    settings = Tag.configure()
    assert settings["precision"] == "bfloat16"
    assert Tag.settings_fingerprint(settings) != Tag.settings_fingerprint(Tag.configure(overrides={"precision": "float32"}))



def test_vocabulary_lookups_are_remembered_and_handed_out_as_copies(monkeypatch):
    from stanza.models.common.vocab import CharVocab, CompositeVocab

    from gofteman.stanza_inference import remembered_lookups

    stanza_inference.install()
    chars = CharVocab([[["کتاب"], ["دفتر"]]])
    feats = CompositeVocab([[["Number=Sing|Person=3"], ["Number=Plur"]]], idx=0, sep="|", keyed=True)
    for vocab, lookup, argument in ((chars, "map", list("کتاب")), (feats, "unit2id", "Number=Sing|Person=3")):
        stanzas = getattr(type(vocab), lookup).__wrapped__(vocab, argument)
        first = getattr(vocab, lookup)(argument)
        first.append(-1)  # a caller that changes its list changes no one else's
        assert getattr(vocab, lookup)(argument) == stanzas
    ids = feats.unit2id("Number=Plur")
    assert feats.id2unit(ids) == CompositeVocab.id2unit.__wrapped__(feats, ids) == "Number=Plur"

    calls = []
    counted = remembered_lookups(lambda self, units: calls.append(units) or len(units))
    monkeypatch.setattr(stanza_inference, "VOCAB_LOOKUPS_KEPT", 2)
    for word in ("الف", "ب", "الف", "پ", "الف"):
        counted(chars, list(word))
    assert [("".join(units)) for units in calls] == ["الف", "ب", "پ", "الف"]  # full after two: started afresh


def test_a_batch_viterbi_gives_stanza_paths_slice_by_slice():
    from stanza.models.common.crf import viterbi_decode

    from gofteman.stanza_inference import BatchViterbi

    rng = np.random.default_rng(5)
    decode = BatchViterbi(viterbi_decode)
    decoded_batches = []
    real_decode = decode._decode
    decode._decode = lambda batch, transitions: decoded_batches.append(batch.shape) or real_decode(batch, transitions)
    for _ in range(3):
        logits = rng.normal(size=(7, 12, 5)).astype(np.float32)
        transitions = rng.normal(size=(5, 5)).astype(np.float32)
        for i, length in enumerate(rng.integers(1, 13, 7)):
            path, score = decode(logits[i, :length], transitions)
            expected_path, expected_score = viterbi_decode(logits[i, :length], transitions)
            assert [int(t) for t in path] == [int(t) for t in expected_path] and score == expected_score
    assert decoded_batches == [(7, 12, 5)] * 3  # one trellis a batch
    copy = logits[2, :4].copy()  # not a slice of a batch: stanza's own decoding
    assert [int(t) for t in decode(copy, transitions)[0]] == [int(t) for t in viterbi_decode(copy, transitions)[0]]
    assert decoded_batches == [(7, 12, 5)] * 3


def test_models_built_to_predict_get_no_optimizer():
    from stanza.models.common import utils

    model = torch.nn.Linear(3, 2)
    with_transformer = torch.nn.Linear(3, 2)
    with_transformer.bert_model = torch.nn.Linear(2, 2)
    get_optimizer, get_split_optimizer = utils.get_optimizer, utils.get_split_optimizer
    with stanza_inference.without_optimizers():
        assert utils.get_optimizer("adam", model, lr=0.1) is None
        assert utils.get_split_optimizer("adam", model, 0.1) == {}
        kept = utils.get_split_optimizer("adam", with_transformer, 0.1)
        assert isinstance(kept["general_optimizer"], torch.optim.Adam)
    assert (utils.get_optimizer, utils.get_split_optimizer) == (get_optimizer, get_split_optimizer)


def test_stanza_is_put_back_when_a_model_fails_to_load():
    from stanza.models.common import utils

    get_optimizer = utils.get_optimizer
    with pytest.raises(FileNotFoundError), stanza_inference.without_optimizers():
        raise FileNotFoundError("tokenizer.pt")
    assert utils.get_optimizer is get_optimizer


def test_the_shipped_pipelines_hold_no_optimizer():
    from gofteman.stanza_models import build_pipeline

    pipeline = build_pipeline(["tokenize", "mwt", "ner"], "shipped", {}, pretokenized=False)
    assert pipeline.processors["tokenize"].trainer.optimizer is None
    assert pipeline.processors["ner"].trainer.optimizer is None


@pytest.mark.parametrize("rows, batch_size, pad_id", [
    ([[5, 3, 9], [2], [], [7, 7, 7, 7]], 4, 0),  # ragged, an empty row
    ([[1, 2], [3]], 5, 1),  # more rows than lists (a batch's padding), another pad id
    ([[4]], 1, 0),
    ([[[1, 2], [3, 4]], [[5, 6]]], 2, 0),  # rows of rows (features of words): stanza's own
])
def test_batches_are_padded_as_stanza_pads_them(rows, batch_size, pad_id):
    from stanza.models.common.data import get_long_tensor

    stanzas = getattr(get_long_tensor, "__wrapped__", get_long_tensor)
    ours = stanza_inference.padded_long_tensor(stanzas)(rows, batch_size, pad_id)
    expected = stanzas(rows, batch_size, pad_id)
    assert ours.dtype == expected.dtype == torch.int64
    assert torch.equal(ours, expected)


def test_padding_is_installed_where_stanza_pads():
    import importlib

    stanza_inference.install()
    for name in stanza_inference.PADDING_MODULES:
        assert hasattr(importlib.import_module(name).get_long_tensor, "__wrapped__"), name
