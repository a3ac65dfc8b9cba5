"""Which (sentence, event type) pairs train the trigger/argument heads, that leaving pairs out keeps the loss's
scale, and that the dev evaluation's pair forward scores like the all-type forward.

  .venv/bin/python -m unittest discover -s models/training/tests -t .
"""
import dataclasses
import unittest

import numpy as np
import torch
import torch.nn.functional as F

from models.training.batching import INPUTS
from models.training.config import Config
from models.training.model import FinKGEncoder, ModelConfig
from models.training.train import head_pairs, multitask_loss, torch_forward

T, R, E, L = 4, 3, 2, 6


def small_model(head_layers=0):
    """A one-layer encoder in eval mode over T types, R roles and E entity types (seed torch first)."""
    return FinKGEncoder(ModelConfig(vocab_size=30, n_layer=1, d_model=16, n_head=2, d_ff=32, max_len=L, n_types=T,
                                    n_roles=R, n_entities=E, head_layers=head_layers)).eval()


def targets(type_rows, has_event):
    B = len(type_rows)
    type_y = torch.zeros(B, T)
    for b, types in enumerate(type_rows):
        type_y[b, types] = 1
    return {"has_event": torch.tensor(has_event, dtype=torch.float32), "type_y": type_y,
            "type_m": torch.ones(B, T), "trig_m": torch.ones(B, T), "trig_y": torch.zeros(B, T, L, 2), "arg_y": torch.zeros(B, T, L, R, 2),
            "ent_y": torch.zeros(B, L, E, 2), "ent_m": torch.tensor([[0.0] * E if h else [1.0] * E for h in has_event])}


def pairs(rows, types):
    return sorted(zip(rows.tolist(), types.tolist()))


class HeadPairsTest(unittest.TestCase):
    def test_gold_types_and_highest_scoring_others(self):
        logits = torch.tensor([[5.0, -9.0, 1.0, 0.0],   # gold type 1 scores lowest: still kept
                               [0.0, 3.0, 2.0, 1.0]])
        y = targets([[1], [0, 3]], [1, 1])
        self.assertEqual(pairs(*head_pairs(logits, y, 1)), [(0, 0), (0, 1), (1, 0), (1, 1), (1, 3)])
        self.assertEqual(pairs(*head_pairs(logits, y, 2)),
                         [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (1, 3)])

    def test_sentence_without_events_gets_negatives_only(self):
        y = targets([[]], [1])
        self.assertEqual(pairs(*head_pairs(torch.tensor([[0.0, 2.0, 1.0, 3.0]]), y, 2)), [(0, 1), (0, 3)])

    def test_types_a_row_does_not_label_get_no_pairs(self):
        y = targets([[0], []], [1, 1])
        y["type_m"][0, 3] = 0  # row 0's dataset says nothing of type 3, its highest-scoring other
        y["type_m"][1, 1:] = 0
        logits = torch.tensor([[0.0, 1.0, 2.0, 9.0], [0.0, 5.0, 5.0, 5.0]])
        self.assertEqual(pairs(*head_pairs(logits, y, 1)), [(0, 0), (0, 2), (1, 0)])

    def test_entity_rows_get_no_pairs(self):
        y = targets([[2], []], [1, 0])
        self.assertEqual(pairs(*head_pairs(torch.zeros(2, T), y, T - 1)), [(0, t) for t in range(T)])


class LossScaleTest(unittest.TestCase):
    def test_all_types_equal_dense_heads(self):
        torch.manual_seed(0)
        model = small_model()
        ids = torch.randint(3, 30, (3, L))
        attn = torch.tensor([[1] * L, [1] * 4 + [0] * 2, [1] * 5 + [0]])
        inputs = (ids, attn, torch.ones_like(ids), torch.ones_like(ids), torch.ones_like(ids))
        y = targets([[1], [0, 2], []], [1, 1, 0])
        y["trig_y"][0, 1, 2, 0] = y["trig_y"][0, 1, 3, 1] = 1
        y["arg_y"][1, 2, 0, 1, 0] = y["arg_y"][1, 2, 1, 1, 1] = 1
        role_mask = torch.tensor([[1, 1, 0], [1, 0, 1], [0, 1, 1], [1, 1, 1]], dtype=torch.float32)
        cfg = dataclasses.replace(Config(), head_negatives=T - 1, pos_weight=5.0, arg_loss_weight=3.0)
        with torch.no_grad():
            _, parts = multitask_loss(model, model.encode(*inputs), attn, y, role_mask, cfg)
            _, trig, arg, _ = model(*inputs)
        pw, ev, am = torch.tensor(5.0), y["has_event"], attn.float()
        m = ev[:, None, None, None] * am[:, None, :, None]
        dense_trig = (F.binary_cross_entropy_with_logits(trig, y["trig_y"], pos_weight=pw, reduction="none") * m).sum() / (2 * T * 2)
        m = ev[:, None, None, None, None] * am[:, None, :, None, None] * role_mask[None, :, None, :, None]
        dense_arg = 3.0 * (F.binary_cross_entropy_with_logits(arg, y["arg_y"], pos_weight=pw, reduction="none") * m).sum() / (2 * role_mask.sum() * 2)
        self.assertAlmostEqual(parts["trigger"].item(), dense_trig.item(), places=5)
        self.assertAlmostEqual(parts["argument"].item(), dense_arg.item(), places=5)
        cfg = dataclasses.replace(cfg, head_negatives=1)
        with torch.no_grad():
            _, fewer = multitask_loss(model, model.encode(*inputs), attn, y, role_mask, cfg)
        self.assertLess(fewer["argument"].item(), parts["argument"].item())  # same denominator, fewer terms


class LabelMaskTest(unittest.TestCase):
    def test_unlabelled_types_and_triggers_add_no_loss(self):
        torch.manual_seed(0)
        model = small_model()
        ids = torch.randint(3, 30, (2, L))
        attn = torch.ones(2, L, dtype=torch.int64)
        inputs = (ids, attn, torch.ones_like(ids), torch.ones_like(ids), torch.ones_like(ids))
        role_mask = torch.ones(T, R)
        cfg = dataclasses.replace(Config(), head_negatives=T - 1)
        y = targets([[1], [2]], [1, 1])
        with torch.no_grad():
            h = model.encode(*inputs)
            # A trigger label where the trigger is unknown changes nothing once masked.
            y["trig_m"][1, 2] = 0
            _, base = multitask_loss(model, h, attn, y, role_mask, cfg)
            y["trig_y"][1, 2, 0, 0] = 1
            _, masked = multitask_loss(model, h, attn, y, role_mask, cfg)
            y["trig_m"][1, 2] = 1
            _, unmasked = multitask_loss(model, h, attn, y, role_mask, cfg)
            # Nor does a type's label where the row's dataset does not label that type.
            y["type_m"][0, 3] = 0
            _, unlabelled = multitask_loss(model, h, attn, y, role_mask, cfg)
            y["type_y"][0, 3] = 1
            _, relabelled = multitask_loss(model, h, attn, y, role_mask, cfg)
        self.assertAlmostEqual(masked["trigger"].item(), base["trigger"].item(), places=6)
        self.assertNotAlmostEqual(unmasked["trigger"].item(), masked["trigger"].item(), places=3)
        for part in ("type", "trigger", "argument"):
            self.assertAlmostEqual(unlabelled[part].item(), relabelled[part].item(), places=6)


class HeadBlocksTest(unittest.TestCase):
    def test_pair_heads_match_all_type_heads_and_ignore_padding(self):
        torch.manual_seed(0)
        model = small_model(head_layers=1)
        ids = torch.randint(3, 30, (2, L))
        attn = torch.tensor([[1] * L, [1] * 4 + [0] * 2])
        inputs = lambda i, a: (i, a, torch.ones_like(i), torch.ones_like(i), torch.ones_like(i))  # noqa: E731
        with torch.no_grad():
            h = model.encode(*inputs(ids, attn))
            _, trig, arg, _ = model.heads(h, attn)
            rows, types = torch.tensor([0, 1, 1]), torch.tensor([2, 0, 3])
            p_trig, p_arg = model.pair_heads(h, rows, types, attn)
            # the padded sentence alone, unpadded: its real positions must not change
            h1 = model.encode(*inputs(ids[1:, :4], attn[1:, :4]))
            s_trig, _ = model.pair_heads(h1, torch.tensor([0]), torch.tensor([3]), attn[1:, :4])
        self.assertTrue(torch.allclose(p_trig, trig[rows, types], atol=1e-5))
        self.assertTrue(torch.allclose(p_arg, arg[rows, types], atol=1e-5))
        self.assertTrue(torch.allclose(s_trig[0], p_trig[2, :4], atol=1e-5))


class DevForwardTest(unittest.TestCase):
    def test_heads_of_likely_types_equal_the_all_type_forward(self):
        for head_layers in (0, 1):
            torch.manual_seed(1)
            model = small_model(head_layers)
            with torch.no_grad():  # spread the type probabilities so that some types fall below the cut
                model.type_head.bias.copy_(torch.tensor([3.0, -3.0, 0.0, -6.0]))
            ids = torch.randint(3, 30, (2, L)).numpy()
            batch = {k: np.ones_like(ids) for k in INPUTS}
            batch["input_ids"], batch["attention_mask"][1, 4:] = ids, 0
            ty, trig, arg, ent = torch_forward(model, min_type_prob=0.1)(batch)
            with torch.no_grad():
                full = [o.numpy() for o in model(*(torch.from_numpy(batch[k]) for k in INPUTS))]
            kept = 1 / (1 + np.exp(-ty)) >= 0.1
            self.assertTrue(kept.any() and not kept.all())
            for got, want in ((ty, full[0]), (ent, full[3]), (trig[kept], full[1][kept]), (arg[kept], full[2][kept])):
                np.testing.assert_allclose(got, want, atol=1e-5)
            self.assertTrue((trig[~kept] == -50.0).all() and (arg[~kept] == -50.0).all())


if __name__ == "__main__":
    unittest.main()
