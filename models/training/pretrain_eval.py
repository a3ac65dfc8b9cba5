"""Masked-LM loss and accuracy of pretraining checkpoints on sentences no pretraining saw: FewFC dev, the
CLUENER hold-out and FinNER eval (pretraining reads train splits only), each masked once with a fixed seed
(train.mask_example's word masking; no spans), so checkpoints compare on the same positions:
  .venv/bin/python -m models.training.pretrain_eval --config full CKPT [CKPT ...]
"""
from __future__ import annotations

import argparse
import os
import pickle
from types import SimpleNamespace

import numpy as np
import torch
import torch.nn.functional as F

from .batching import INPUTS, pad_batch
from .config import parse_args
from .model import FinKGEncoder
from .schema import Schema
from .train import load_weights, mask_example, model_config


def held_out_units(prepared: str) -> list[dict]:
    with open(os.path.join(prepared, "fewfc_dev.pkl"), "rb") as f:
        units = pickle.load(f)["units"]
    with open(os.path.join(prepared, "ent_dev.pkl"), "rb") as f:
        ent = pickle.load(f)
    return units + ent["cluener"] + ent["finner"]


def masked_batches(units, cfg, vocab_size, seed=0, batch=64):
    rng = np.random.default_rng(seed)
    masked = [mask_example(u["ids"], u["seg"], [], rng, cfg, vocab_size) for u in units]
    for i in range(0, len(units), batch):
        rows = [{"ids": inp, "seg": u["seg"], "pos": u["pos"]}
                for (inp, _), u in zip(masked[i:i + batch], units[i:i + batch])]
        b = pad_batch(rows)
        labels = np.full(b["input_ids"].shape, -100, np.int64)
        for k, (_, lab) in enumerate(masked[i:i + batch]):
            labels[k, :len(lab)] = lab
        yield b, torch.from_numpy(labels)


@torch.no_grad()
def score(model, batches) -> SimpleNamespace:
    model.eval()
    loss, correct, n = 0.0, 0, 0
    for b, labels in batches:
        sel = labels != -100
        logits = model.mlm_logits(model.encode(*(torch.from_numpy(b[k]) for k in INPUTS))[sel])
        loss += F.cross_entropy(logits, labels[sel], reduction="sum").item()
        correct += int((logits.argmax(-1) == labels[sel]).sum())
        n += int(sel.sum())
    return SimpleNamespace(loss=loss / n, accuracy=100 * correct / n, positions=n)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ckpts", nargs="+")
    args, cfg = parse_args(ap)
    schema = Schema.load(cfg.path(cfg.schema_path))
    mc = model_config(cfg, schema)
    units = held_out_units(cfg.prepared_path())
    for path in args.ckpts:
        model = FinKGEncoder(mc)
        load_weights(model, torch.load(path, map_location="cpu", weights_only=False)["model"])
        r = score(model, masked_batches(units, cfg, mc.vocab_size))
        print(f"{path}: held-out masked-LM loss {r.loss:.3f}, accuracy {r.accuracy:.1f} % "
              f"({r.positions} positions in {len(units)} sentences)")


if __name__ == "__main__":
    main()
