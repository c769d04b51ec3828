"""stanza's models at inference, faster: the same networks, less work done for nothing.

Changes to how stanza runs its models at inference (the changes to models apply only to a model in
``eval()`` mode, never in training, and only where the model has the shape they expect):

- **A word's characters are read once.** The character models of the tagger, the parser and the
  NER model turn each word's characters into a vector, whatever its sentence; stanza computes it
  for every occurrence of every word in every batch. Here each model keeps the vectors of the
  words it has seen (up to ``CHAR_CACHE_WORDS``, then it starts afresh) and computes the new ones.
- **The parser labels only the arcs of its tree.** stanza scores each relation for every pair of
  words (sentences x words x words x relations, most of the parser's time) and reads one cell
  per word. Here the trees are decoded first, from the arc scores alone (``tree_decoding``, a
  batch at once), and the relations scored for their arcs; the full table is built only for a
  sentence whose labels break a head constraint (two subjects or objects of one head), which
  stanza's repair (``resolve_head_constraint_violations``) reads.
- **A tag conditioned on the UPOS is scored from that UPOS's matrix.** The tagger scores XPOS and
  each feature by a bilinear form of the word's hidden layer and the embedding of its predicted
  UPOS (800,000 multiplications a word for XPOS). The UPOS takes few values, so the form is first
  reduced by each value's embedding, once a batch: then 16,000 a word.
- **Vocabulary lookups are remembered** (a word's character ids, a feature string's ids), and
  **the NER tagger's Viterbi trellis is computed for a whole batch at once** (``BatchViterbi``).
- **Batches padded at once** (``padded_long_tensor``): stanza pads the id lists of a batch
  (words, tags, characters) row by row; here a batch of flat rows is filled in one numpy step.
- **No optimizers** (``without_optimizers``): stanza's trainers build one even to predict, and
  torch builds its first optimizer of a process by importing its compiler (``torch._dynamo``,
  over a second in each worker process) to wrap it.
- ``compute_in``: a model's matrix products (LSTMs, linear layers, the parser's relation scores)
  in bfloat16, where the stage's precision says so (``stanza_models.resolve_precision``).

But for ``compute_in``, the numbers are those of stanza's own computation up to rounding in the
last bits of a float32 (sums in another order). ``install()`` puts the changes in place.
"""

from __future__ import annotations

import importlib
import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np

from gofteman import tree_decoding
from gofteman.constants import BILINEAR_FEW_VALUES, CHAR_CACHE_WORDS, VOCAB_LOOKUPS_KEPT


def _character_vectors(model, chars, wordlens: list[int]):
    """stanza's ``CharacterModel.forward`` up to the vector of each word (rows in the order of
    ``chars``, which are sorted by length, longest first, as packing needs)."""
    import torch
    from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

    embs = model.dropout(model.char_emb(chars))
    batch_size = embs.size(0)
    embs = pack_padded_sequence(embs, wordlens, batch_first=True)
    layers = model.num_dir * model.args["char_num_layers"]
    output = model.charlstm(embs, wordlens, hx=(
        model.charlstm_h_init.expand(layers, batch_size, model.args["char_hidden_dim"]).contiguous(),
        model.charlstm_c_init.expand(layers, batch_size, model.args["char_hidden_dim"]).contiguous()))
    if model.attn:
        char_reps = output[0]
        weights = torch.sigmoid(model.char_attn(model.dropout(char_reps.data)))
        char_reps = PackedSequence(char_reps.data * weights, char_reps.batch_sizes)
        char_reps, _ = pad_packed_sequence(char_reps, batch_first=True)
        return char_reps.sum(1)
    h, _ = output[1]
    return h[-2:].transpose(0, 1).contiguous().view(batch_size, -1)


def cached_character_forward(original):
    """``CharacterModel.forward`` that computes only the words its model has not seen."""
    def forward(self, chars, chars_mask, word_orig_idx, sentlens, wordlens):
        if self.training:
            return original(self, chars, chars_mask, word_orig_idx, sentlens, wordlens)
        import torch
        from torch.nn.utils.rnn import pack_sequence, pad_packed_sequence

        cache: dict[tuple[int, ...], torch.Tensor] = self.__dict__.setdefault("_gofteman_vectors", {})
        keys = [tuple(row[:length]) for row, length in zip(chars.tolist(), wordlens)]
        new_rows, seen = [], set()
        for index, key in enumerate(keys):
            if key not in cache and key not in seen:
                seen.add(key)
                new_rows.append(index)
        if len(cache) + len(new_rows) > CHAR_CACHE_WORDS:  # memory stays flat on any corpus
            cache.clear()
            first = {}
            new_rows = [first.setdefault(key, index) for index, key in enumerate(keys) if key not in first]
        if new_rows:
            lengths = [wordlens[index] for index in new_rows]
            vectors = _character_vectors(self, chars[new_rows, :lengths[0]], lengths)
            for index, vector in zip(new_rows, vectors):
                cache[keys[index]] = vector
        res = torch.stack([cache[key] for key in keys])
        res = res[torch.from_numpy(np.argsort(word_orig_idx))]  # stanza's tensor_unsort, without sorting in Python
        res = pack_sequence(res.split(sentlens))
        if self.pad:
            res = pad_packed_sequence(res, batch_first=True)[0]
        return res

    forward.__wrapped__ = original
    return forward


def _arc_scores(model, lstm_outputs, head):
    """stanza's ``GraphParser.forward_scores`` without the relations' table: the arc scores,
    computed by the same operations in the same order."""
    import torch
    import torch.nn.functional as F

    unlabeled_scores = model.unlabeled(model.drop(lstm_outputs), model.drop(lstm_outputs)).squeeze(3)
    length = lstm_outputs.size(1)
    head_offset = (torch.arange(length).view(1, 1, -1).expand(lstm_outputs.size(0), -1, -1)
                   - torch.arange(length).view(1, -1, 1).expand(lstm_outputs.size(0), -1, -1))
    if model.args["linearization"]:
        lin_scores = model.linearization(model.drop(lstm_outputs), model.drop(lstm_outputs)).squeeze(3)
        unlabeled_scores += F.logsigmoid(lin_scores * torch.sign(head_offset).float()).detach()
    if model.args["distance"]:
        dist_scores = model.distance(model.drop(lstm_outputs), model.drop(lstm_outputs)).squeeze(3)
        dist_pred = 1 + F.softplus(dist_scores)
        dist_kld = -torch.log((torch.abs(head_offset).float() - dist_pred) ** 2 / 2 + 1)
        unlabeled_scores += dist_kld.detach()
    diag = torch.eye(head.size(-1) + 1, dtype=torch.bool).unsqueeze(0)
    unlabeled_scores.masked_fill_(diag, -float("inf"))
    return unlabeled_scores


def _with_ones(tensor):
    import torch

    return torch.cat([tensor, tensor.new_ones(*tensor.size()[:-1], 1)], tensor.dim() - 1)


def _bilinear(input1, input2, weight, bias):
    """``F.bilinear`` (``weight``: output, input1, input2) by the faster route for the dtype:
    torch's own for float32; for bfloat16 a matrix product and a batched one, which use the
    CPU's bfloat16 instructions where torch's own does not."""
    import torch
    import torch.nn.functional as F

    if input1.dtype != torch.bfloat16:
        return F.bilinear(input1, input2, weight, bias)
    outputs, size1, size2 = weight.shape
    reduced = input1 @ weight.permute(1, 0, 2).reshape(size1, outputs * size2)
    return torch.bmm(reduced.view(-1, outputs, size2), input2.unsqueeze(2)).squeeze(2) + bias


def labelled_trees(arc_log_probs: np.ndarray, sentlens: list[int], arc_relations: Callable, relation_log_probs: Callable,
                   vocab, resolve_head_constraints: bool) -> list[list[list]]:
    """stanza's ``GraphParser.decode_graph_predictions``, with the relations scored only where they
    are read. ``arc_log_probs[i]``: sentence i's arc log-probabilities (dependent, head; the root
    is word 0). ``arc_relations(trees)``: the best relation (an id without stanza's vocabulary
    prefix) of every arc of the trees, dependent by dependent, tree by tree.
    ``relation_log_probs(i)``: the log-probabilities of every relation of every pair of words of
    sentence i, asked for where a head constraint is broken, for stanza's repair."""
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
    from stanza.models.depparse.head_constraints import (find_head_constraint_violations,
                                                          resolve_head_constraint_violations)

    trees = tree_decoding.one_root_trees(arc_log_probs, sentlens)
    relations = arc_relations(trees)
    predictions, start = [], 0
    for i, (tree, length) in enumerate(zip(trees, sentlens)):
        raw_ids = relations[start:start + length - 1]
        start += length - 1
        if resolve_head_constraints and find_head_constraint_violations(
                tree, vocab.unmap([r + VOCAB_PREFIX_SIZE for r in raw_ids])):
            tree, raw_ids = resolve_head_constraint_violations(arc_log_probs[i][:length, :length],
                                                               relation_log_probs(i), tree, vocab)
        deprels = vocab.unmap([r + VOCAB_PREFIX_SIZE for r in raw_ids])
        predictions.append([[int(head), deprel] for head, deprel in zip(tree[1:], deprels)])
    return predictions


def labelled_parse(original):
    """``GraphParser.predict`` that decodes the tree from the arc scores, then scores the
    relations of its arcs only (see the module's docstring)."""
    def predict(self, word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma, head, deprel,
                word_orig_idx, sentlens, wordlens, text, resolve_head_constraints=False):
        if self.training or self.args.get("use_arc_embedding") or next(self.parameters()).device.type != "cpu":
            return original(self, word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma,
                            head, deprel, word_orig_idx, sentlens, wordlens, text,
                            resolve_head_constraints=resolve_head_constraints)
        import torch
        import torch.nn.functional as F

        lstm_outputs = self.embed(word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma,
                                  head, deprel, word_orig_idx, sentlens, wordlens, text)
        arc_log_probs = F.log_softmax(_arc_scores(self, lstm_outputs, head).float(), 2).numpy()
        scorer = self.deprel
        dependents = _with_ones(scorer.hidden_func(scorer.W1(lstm_outputs)))
        heads = _with_ones(scorer.hidden_func(scorer.W2(lstm_outputs)))
        bilinear = scorer.scorer.W_bilin
        dtype = self.__dict__.get("_gofteman_dtype", torch.float32)
        # stanza's weight is (dependent, head, relation); torch's bilinear takes (relation, dependent, head)
        weight = self.__dict__.get("_gofteman_relation_weight")
        if weight is None:
            weight = bilinear.weight.permute(2, 0, 1).contiguous().to(dtype)
            self.__dict__["_gofteman_relation_weight"] = weight

        def arc_relations(trees: list[np.ndarray]) -> list[int]:
            sentence = [i for i, tree in enumerate(trees) for _ in tree[1:]]
            dependent = [j for tree in trees for j in range(1, len(tree))]
            governor = [int(h) for tree in trees for h in tree[1:]]
            return _bilinear(dependents[sentence, dependent].to(dtype), heads[sentence, governor].to(dtype), weight,
                             bilinear.bias.to(dtype)).argmax(1).tolist()

        def relation_log_probs(i: int) -> np.ndarray:
            length = sentlens[i]
            table = bilinear(dependents[i:i + 1, :length], heads[i:i + 1, :length])
            return F.log_softmax(table.float(), 3)[0].numpy()

        return labelled_trees(arc_log_probs, sentlens, arc_relations, relation_log_probs, self.vocab["deprel"],
                              resolve_head_constraints)

    predict.__wrapped__ = original
    return predict


def _distinct_rows(matrix):
    """The distinct rows of ``matrix`` and the index of each row among them, or (None, None) if
    there are too many: rows are told apart by a projection (one number a row, fast to sort),
    and the result is checked against the matrix, so it is exact."""
    import torch

    keys, which = torch.unique(matrix @ torch.linspace(1.0, 2.0, matrix.size(1), dtype=matrix.dtype),
                               return_inverse=True)
    if len(keys) > BILINEAR_FEW_VALUES:
        return None, None
    representative = torch.zeros(len(keys), dtype=torch.long).scatter_(0, which, torch.arange(len(which)))
    values = matrix[representative]
    return (values, which) if torch.equal(values[which], matrix) else (None, None)


def few_values_bilinear(original):
    """``BiaffineScorer.forward`` that reduces the bilinear form by each distinct row of its second
    input first, where there are few (the tagger's predicted UPOS embeddings)."""
    def forward(self, input1, input2):
        import torch

        if self.training or input1.dim() != 2:
            return original(self, input1, input2)
        values, which = _distinct_rows(input2)
        if values is None:
            return original(self, input1, input2)
        bilinear = self.W_bilin
        # (value, output, input1): the form with its second input fixed to each value
        reduced = torch.einsum("oij,vj->voi", bilinear.weight, _with_ones(values))
        scores = input1.new_empty(input1.size(0), bilinear.out_features)
        input1 = _with_ones(input1)
        for value in range(len(values)):
            rows = (which == value).nonzero().squeeze(1)
            scores[rows] = input1[rows] @ reduced[value].T
        return scores + bilinear.bias

    forward.__wrapped__ = original
    return forward


def _cast(value, dtype):
    """Tensors (also inside a PackedSequence or a tuple) of a floating dtype cast to ``dtype``."""
    import torch
    from torch.nn.utils.rnn import PackedSequence

    if isinstance(value, PackedSequence):
        return PackedSequence(_cast(value.data, dtype), value.batch_sizes, value.sorted_indices, value.unsorted_indices)
    if isinstance(value, tuple):
        return tuple(_cast(item, dtype) for item in value)
    if isinstance(value, torch.Tensor) and value.is_floating_point():
        return value.to(dtype)
    return value


def compute_in(model, dtype) -> None:
    """Runs the matrix products of ``model`` (its LSTMs and linear layers, most of its time) in
    ``dtype``: their weights are stored in it, their inputs cast to it and their outputs cast
    back, so every other part of the model computes as before."""
    import torch

    if dtype == torch.float32:
        return
    model.__dict__["_gofteman_dtype"] = dtype  # the parser's relation scores (labelled_parse) read it
    for module in model.modules():
        if isinstance(module, (torch.nn.LSTM, torch.nn.Linear)) and not getattr(module, "_gofteman_dtype", None):
            module.to(dtype)
            module._gofteman_dtype = dtype
            module.register_forward_pre_hook(lambda _, args: _cast(args, dtype))
            module.register_forward_hook(lambda _, args, output: _cast(output, torch.float32))


class BatchViterbi:
    """stanza's ``viterbi_decode`` for the NER tagger, the trellis of a whole batch computed at
    once. stanza decodes each sentence of a batch in turn, as a slice of the batch's scores
    (``logits[i, :length]``), one step at a time; the best path of a sentence of length ``l`` only
    reads the first ``l`` steps of its row's trellis. So the first slice of a batch computes the
    trellis and back-pointers of every row over the batch's whole length (the same float32
    operations, row by row, so the same numbers), and every slice of it reads its path from them."""

    def __init__(self, original) -> None:
        self.original = original
        self.__wrapped__ = original
        self.batch: np.ndarray | None = None
        self.transitions: np.ndarray | None = None
        self.trellis = self.backpointers = None

    def __call__(self, scores: np.ndarray, transitions: np.ndarray):
        batch = scores.base
        if batch is None or batch.ndim != 3 or batch.strides[1:] != scores.strides or not batch.flags.c_contiguous:
            return self.original(scores, transitions)
        row, offset = divmod(scores.__array_interface__["data"][0] - batch.__array_interface__["data"][0],
                             batch.strides[0])
        if offset or not 0 < len(scores) <= batch.shape[1]:
            return self.original(scores, transitions)
        if batch is not self.batch or transitions is not self.transitions:
            self._decode(batch, transitions)
        trellis, backpointers = self.trellis[row, :len(scores)], self.backpointers[row, :len(scores)]
        path = [np.argmax(trellis[-1])]
        for pointers in reversed(backpointers[1:]):
            path.append(pointers[path[-1]])
        path.reverse()
        return path, np.max(trellis[-1])

    def _decode(self, batch: np.ndarray, transitions: np.ndarray) -> None:
        self.batch, self.transitions = batch, transitions
        self.trellis = np.zeros_like(batch)
        self.backpointers = np.zeros_like(batch, dtype=np.int32)
        self.trellis[:, 0] = batch[:, 0]
        for step in range(1, batch.shape[1]):
            candidates = self.trellis[:, step - 1, :, None] + transitions
            self.trellis[:, step] = batch[:, step] + np.max(candidates, 1)
            self.backpointers[:, step] = np.argmax(candidates, 1)


def _hashable(argument):
    return tuple(argument) if isinstance(argument, (list, tuple)) or hasattr(argument, "tolist") else argument


def remembered_lookups(original):
    """A vocabulary lookup that keeps its answers (per vocabulary, up to ``VOCAB_LOOKUPS_KEPT``):
    a vocabulary does not change at inference, and the same words and features come again and
    again. Answers are copied out, as stanza's callers may change the lists they get."""
    def lookup(self, argument):
        answers = self.__dict__.setdefault(f"_gofteman_{original.__name__}", {})
        key = _hashable(argument)
        found = answers.get(key)
        if found is None:
            if len(answers) >= VOCAB_LOOKUPS_KEPT:
                answers.clear()
            found = answers[key] = original(self, argument)
        return list(found) if isinstance(found, list) else found

    lookup.__wrapped__ = original
    return lookup


#: stanza's modules that pad batches with ``stanza.models.common.data.get_long_tensor``
PADDING_MODULES = ("stanza.models.common.data", "stanza.models.common.char_model", "stanza.models.pos.data",
                   "stanza.models.depparse.data", "stanza.models.lemma.data", "stanza.models.mwt.data",
                   "stanza.models.ner.data", "stanza.models.ner.model")


def padded_long_tensor(original):
    """stanza's ``get_long_tensor`` (lists of ids, padded to a tensor of ``batch_size`` rows),
    for rows of ids filled in one step; rows of rows go to stanza's own."""
    from stanza.models.common.seq2seq_constant import PAD_ID  # stanza's default there

    def get_long_tensor(tokens_list, batch_size, pad_id=PAD_ID):
        import torch

        lengths = np.fromiter(map(len, tokens_list), dtype=np.int64, count=len(tokens_list))
        ids = list(itertools.chain.from_iterable(tokens_list))
        if not ids or not all(type(value) is int for value in ids):
            return original(tokens_list, batch_size, pad_id)
        padded = np.full((batch_size, int(lengths.max())), pad_id, dtype=np.int64)
        padded[:len(tokens_list)][np.arange(padded.shape[1]) < lengths[:, None]] = ids
        return torch.from_numpy(padded)

    get_long_tensor.__wrapped__ = original
    return get_long_tensor


@contextmanager
def without_optimizers() -> Iterator[None]:
    """stanza's trainers, built inside this block, get no optimizer: a model that only predicts
    never steps one. A model with a transformer keeps its optimizers: stanza builds a learning
    rate schedule on them as it loads."""
    from stanza.models.common import utils

    get_optimizer, get_split_optimizer = utils.get_optimizer, utils.get_split_optimizer

    def split_optimizers(name, model, *args, **kwargs):
        if getattr(model, "bert_model", None) is not None:
            return get_split_optimizer(name, model, *args, **kwargs)
        return {}

    utils.get_optimizer, utils.get_split_optimizer = (lambda *args, **kwargs: None), split_optimizers
    try:
        yield
    finally:
        utils.get_optimizer, utils.get_split_optimizer = get_optimizer, get_split_optimizer


def install() -> None:
    """Puts the faster inference in place of stanza's (idempotent)."""
    from stanza.models.common.biaffine import BiaffineScorer
    from stanza.models.common.char_model import CharacterModel
    from stanza.models.common.vocab import CharVocab, CompositeVocab
    from stanza.models.depparse.model import GraphParser
    from stanza.models.ner import trainer as ner_trainer

    tree_decoding.install()
    for name in PADDING_MODULES:
        module = importlib.import_module(name)
        if not hasattr(module.get_long_tensor, "__wrapped__"):
            module.get_long_tensor = padded_long_tensor(module.get_long_tensor)
    if not isinstance(ner_trainer.viterbi_decode, BatchViterbi):
        ner_trainer.viterbi_decode = BatchViterbi(ner_trainer.viterbi_decode)
    if not hasattr(CharacterModel.forward, "__wrapped__"):
        CharacterModel.forward = cached_character_forward(CharacterModel.forward)
    if not hasattr(GraphParser.predict, "__wrapped__"):
        GraphParser.predict = labelled_parse(GraphParser.predict)
    if not hasattr(BiaffineScorer.forward, "__wrapped__"):
        BiaffineScorer.forward = few_values_bilinear(BiaffineScorer.forward)
    if not hasattr(CharVocab.map, "__wrapped__"):
        CharVocab.map = remembered_lookups(CharVocab.map)  # a word's characters
    if not hasattr(CompositeVocab.unit2id, "__wrapped__"):
        CompositeVocab.unit2id = remembered_lookups(CompositeVocab.unit2id)  # features as written
        CompositeVocab.id2unit = remembered_lookups(CompositeVocab.id2unit)
