"""Length-bucketed token-budget batching and padding."""
from __future__ import annotations

import numpy as np

# The model's inputs, in the ONNX graph's order.
INPUTS = ("input_ids", "attention_mask", "seg_ids", "pos_ids", "kb_ids")
KB_NONE = 1  # knowledge id of an unmarked code point (src/extract/knowledge-features.ts)


def pad_batch(units, multiple=1):
    """units with ids/seg/pos (and kb, else unmarked) arrays -> dict of int64 [B, L] arrays (the ONNX inputs).

    Training pads L up to a multiple of 16: fewer distinct shapes keeps the CPU allocator warm.
    """
    L = max(1, max(len(u["ids"]) for u in units))
    L = -(-L // multiple) * multiple
    B = len(units)
    out = {k: np.zeros((B, L), dtype=np.int64) for k in INPUTS}
    for b, u in enumerate(units):
        n = len(u["ids"])
        out["input_ids"][b, :n] = u["ids"]
        out["attention_mask"][b, :n] = 1
        out["seg_ids"][b, :n] = u["seg"]
        out["pos_ids"][b, :n] = u["pos"]
        out["kb_ids"][b, :n] = u["kb"] if "kb" in u else KB_NONE
    return out


def bucket_batches(lengths, max_tokens, rng, pool=64):
    """Shuffle, sort within pools of similar length, cut into batches of <= max_tokens (padded)."""
    idx = rng.permutation(len(lengths))
    batches = []
    step = pool * 32
    for p in range(0, len(idx), step):
        chunk = sorted(idx[p:p + step], key=lambda i: lengths[i])
        cur, cur_max = [], 0
        for i in chunk:
            m = max(cur_max, lengths[i], 1)
            if cur and m * (len(cur) + 1) > max_tokens:
                batches.append(cur)
                cur, m = [], max(lengths[i], 1)
            cur.append(i)
            cur_max = m
        if cur:
            batches.append(cur)
    rng.shuffle(batches)
    return batches
