"""The device pretraining's data layout and batch masking, on hand-built examples (CPU).

  .venv/bin/python -m unittest discover -s models/training/tests -t .
"""
import dataclasses
import json
import os
import tempfile
import unittest
from types import SimpleNamespace

import numpy as np
import torch

from models.training.config import load_config
from models.training.model import FinKGEncoder
from models.training.device_pack import pack, read_packed, write_packed
from models.training.pretrain_device import epoch_batches, mask_batch, pretrain_on_device, to_device
from models.training.schema import Schema
from models.training.tokenizer import MASK_ID
from models.training.train import load_weights, model_config

SEG_B, SEG_M, SEG_E, SEG_S = 1, 2, 3, 4


def example(n, spans, first_id=10):
    ids = np.arange(first_id, first_id + n, dtype=np.int32)
    seg = np.array([SEG_B, SEG_E] * (n // 2) + [SEG_S] * (n % 2), dtype=np.int8)  # two-character words
    return ids, seg, np.full(n, 5, np.int8), spans


EXAMPLES = [example(12, [(2, 6), (8, 10)]), example(1, []), example(7, [(0, 30)], first_id=100),
            example(40, [(4, 8), (6, 9)], first_id=200)]


class PackAndLayout(unittest.TestCase):
    def test_packed_file_round_trips_and_rows_hold_each_example(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "p.npz.xz")
            write_packed(pack(EXAMPLES), path)
            arrays = read_packed(path)
        self.assertEqual(arrays["lengths"].tolist(), [12, 7, 40])  # the one-token example is dropped
        data = to_device(arrays, "cpu")
        self.assertEqual(data.ids[1, :7].tolist(), list(range(100, 107)))
        self.assertEqual(data.ids[1, 7:].tolist(), [0] * 33)
        self.assertEqual(data.seg[2, :4].tolist(), [SEG_B, SEG_E, SEG_B, SEG_E])
        spans = data.span_id.numpy()
        self.assertEqual(np.flatnonzero(spans[0] == 0).tolist(), [2, 3, 4, 5])
        self.assertEqual(np.flatnonzero(spans[0] == 1).tolist(), [8, 9])
        self.assertTrue((spans[1] == -1).all())  # a 30-character span is never masked whole
        # overlapping spans: the shared positions belong to the later one
        self.assertEqual(spans[2, 4:9].tolist(), [3, 3, 4, 4, 4])

    def test_epoch_batches_cover_every_row_once_within_one_length_class(self):
        lengths = np.array([5, 40, 33, 64, 31, 100, 7, 8])
        batches = epoch_batches(lengths, 128, np.random.default_rng(0))
        self.assertEqual(sorted(np.concatenate(batches).tolist()), list(range(8)))
        for rows in batches:
            classes = {-(-int(n) // 32) for n in lengths[rows]}
            self.assertEqual(len(classes), 1)
            self.assertLessEqual(len(rows) * 32 * classes.pop(), max(128, 32 * -(-int(lengths[rows].max()) // 32)))


class MaskBatch(unittest.TestCase):
    data = to_device(pack(EXAMPLES), "cpu")

    def run_mask(self, mask_prob, span_mask_prob, seed=0):
        cfg = SimpleNamespace(mask_prob=mask_prob, span_mask_prob=span_mask_prob)
        ids = self.data.ids.long()
        gen = torch.Generator().manual_seed(seed)
        inp, lab = mask_batch(ids, self.data.seg.long(), self.data.span_id, self.data.n_spans, cfg, 300, gen)
        return ids, inp, lab

    def test_labels_are_the_original_ids_at_masked_positions_only(self):
        ids, inp, lab = self.run_mask(0.15, 0.5)
        m = lab != -100
        self.assertTrue(torch.equal(lab[m], ids[m]))
        self.assertFalse(m[ids == 0].any())  # never on padding
        self.assertTrue(torch.equal(inp[~m], ids[~m]))
        self.assertTrue(m.any(1).all())  # at least one position per row

    def test_words_are_masked_whole(self):
        checked = 0
        for seed in range(8):
            _, _, lab = self.run_mask(0.1, 0.0, seed)  # 20 two-character words: the 40 % cap almost never binds
            m = (lab != -100).numpy()[2]
            if m.sum() > 1:  # (one position alone is the fallback when no word was chosen)
                self.assertTrue((m[0::2] == m[1::2]).all())
                checked += 1
        self.assertGreaterEqual(checked, 4)

    def test_spans_alone_mask_their_positions_and_the_cap_keeps_most_of_a_row_visible(self):
        _, _, lab = self.run_mask(0.0, 1.0)
        m = (lab != -100).numpy()
        self.assertEqual(np.flatnonzero(m[2]).tolist(), [4, 5, 6, 7, 8])  # 5 of 40: under the cap
        self.assertLessEqual(m[0].sum(), 6)  # 6 of 12 chosen, capped towards 40 %
        self.assertTrue(set(np.flatnonzero(m[0])) <= {2, 3, 4, 5, 8, 9})
        self.assertEqual(m[1].sum(), 1)  # nothing chosen: one position anyway

    def test_replacements_are_mostly_the_mask_token(self):
        ids = self.data.ids.long().repeat(50, 1)
        cfg = SimpleNamespace(mask_prob=0.15, span_mask_prob=0.5)
        inp, lab = mask_batch(ids, self.data.seg.long().repeat(50, 1), self.data.span_id.repeat(50, 1),
                              self.data.n_spans, cfg, 300, torch.Generator().manual_seed(1))
        m = lab != -100
        share = (inp[m] == MASK_ID).float().mean().item()
        self.assertGreater(share, 0.7)
        self.assertLess(share, 0.9)


class Stage(unittest.TestCase):
    def test_a_few_steps_write_a_finished_checkpoint_that_finetuning_can_load(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "prepare_meta.json"), "w") as f:
                json.dump({"vocab_size": 300, "pos_tags": ["n", "v", "a", "d"], "kb_vocab": 8}, f)
            cfg = dataclasses.replace(load_config("tiny"), prepared_dir=d, pt_device_max_steps=3,
                                      pt_device_batch_tokens=64)
            schema = Schema.load(cfg.path(cfg.schema_path))
            path = os.path.join(d, "pretrain_last.pt")
            summary = pretrain_on_device(cfg, schema, pack(EXAMPLES), path, "cpu")
            state = torch.load(path, weights_only=False)
            model = FinKGEncoder(model_config(cfg, schema))
        self.assertEqual((summary["steps"], state["step"], state["done"]), (3, 3, True))
        before = model.tok.weight.clone()
        load_weights(model, state["model"])
        self.assertFalse(torch.equal(before, model.tok.weight))


if __name__ == "__main__":
    unittest.main()
