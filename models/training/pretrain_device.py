"""Masked-LM pretraining on a CUDA device: train.pretrain's objective with the masking done for a whole batch
at once on the device, so a GPU is not starved by per-example Python masking.

Input: prepare.py's pretraining examples, or device_pack.py's folder. All examples live on the device as
[N, max_len] tensors; each batch is one padded-length class (multiples of 32). The masking is
train.mask_example's, vectorised: whole jieba words at mask_prob, annotated spans of <= 20 code points at
span_mask_prob, at most 40 % of a row, at least one position, then 80/10/10 [MASK]/random/kept. One
difference: where annotated spans overlap, a position belongs to the last span listed only.

The output is train.pretrain's finished checkpoint, pretrain_last.pt (weights stored as float16, 10 MB, so
that it comes back from a lent machine), written every minute and at the end, and pretrain_summary.json.
By default both go where train.pretrain writes them, which then skips its own (CPU) pretraining:
  .venv/bin/python -m models.training.pretrain_device --config full       # run.sh does this given CUDA
On a machine without the prepared data, from device_pack.py's folder, writing to OUT:
  python3 -m models.training.pretrain_device --config full --packed .data/gpu --out OUT
Steps and time are capped by the config's pt_device_* settings; the LR schedule follows whichever binds.
A finished checkpoint there is kept (the stage is skipped); an unfinished one is started over: on a GPU the
whole stage takes minutes.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import pickle
import time

import numpy as np
import torch
import torch.nn.functional as F

from .config import Config, parse_args
from .device_pack import PACKED, half_weights, pack, read_packed
from .model import FinKGEncoder, count_params
from .schema import Schema
from .tokenizer import MASK_ID
from .loop import Budget, Every, Run, log, make_optimizer, run_steps, save_ckpt
from .train import model_config

LENGTH_CLASS = 32
MAX_SPAN_MASKED = 20  # train.mask_example masks annotated spans up to this length


@dataclasses.dataclass
class DeviceCorpus:
    lengths: np.ndarray  # [N]
    ids: torch.Tensor  # [N, Lmax] int32, 0 = pad
    seg: torch.Tensor  # [N, Lmax] uint8
    pos: torch.Tensor  # [N, Lmax] uint8
    span_id: torch.Tensor  # [N, Lmax] int32, -1 outside maskable spans
    n_spans: int


def to_device(arrays: dict[str, np.ndarray], device) -> DeviceCorpus:
    lengths = arrays["lengths"].astype(np.int64)
    n, width = len(lengths), int(lengths.max())
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    row = np.repeat(np.arange(n), lengths)
    col = np.arange(len(row)) - starts[row]
    ids = np.zeros((n, width), np.int32)
    seg = np.zeros((n, width), np.uint8)
    pos = np.zeros((n, width), np.uint8)
    ids[row, col], seg[row, col], pos[row, col] = arrays["ids"], arrays["seg"], arrays["pos"]
    s, e = arrays["span_start"].astype(np.int64), arrays["span_end"].astype(np.int64)
    keep = np.flatnonzero(e - s <= MAX_SPAN_MASKED)
    span_len = (e - s)[keep]
    k = np.repeat(keep, span_len)
    offset = np.arange(len(k)) - np.repeat(np.cumsum(span_len) - span_len, span_len)
    span_id = np.full((n, width), -1, np.int32)
    span_id[arrays["span_row"][k], s[k] + offset] = k
    ids, seg, pos, span_id = (torch.from_numpy(a).to(device) for a in (ids, seg, pos, span_id))
    return DeviceCorpus(lengths, ids, seg, pos, span_id, len(s))


def epoch_batches(lengths: np.ndarray, batch_tokens: int, rng) -> list[np.ndarray]:
    """Row indices per batch: rows of one padded-length class, batch_tokens // that length rows each."""
    cls = -(-lengths // LENGTH_CLASS) * LENGTH_CLASS
    batches = []
    for c in np.unique(cls):
        rows = rng.permutation(np.flatnonzero(cls == c))
        per = max(1, batch_tokens // int(c))
        batches += np.array_split(rows, range(per, len(rows), per))
    order = rng.permutation(len(batches))
    return [batches[i] for i in order]


def mask_batch(ids, seg, span_id, n_spans, cfg, vocab_size, gen):
    """[B, L] batch -> (masked input ids, labels with -100 where not predicted)."""
    B, L = ids.shape
    dev = ids.device
    real = ids != 0
    col = torch.arange(L, device=dev).expand(B, L)
    word_start = (seg == 1) | (seg == 4) | (col == 0)
    word_id = torch.cumsum(word_start.long(), 1) - 1
    m = torch.gather(torch.rand(B, L, device=dev, generator=gen) < cfg.mask_prob, 1, word_id)
    span_on = torch.rand(n_spans + 1, device=dev, generator=gen) < cfg.span_mask_prob
    m |= (span_id >= 0) & span_on[span_id.clamp(min=0)]
    m &= real
    n_real = real.sum(1, keepdim=True)
    frac = m.sum(1, keepdim=True) / n_real
    over = frac > 0.4  # keep enough context visible
    m &= ~over | (torch.rand(B, L, device=dev, generator=gen) < 0.4 / frac.clamp(min=1e-6))
    none = ~m.any(1)
    pick = (torch.rand(B, device=dev, generator=gen) * n_real.squeeze(1)).long()
    m |= none.unsqueeze(1) & (col == pick.unsqueeze(1))
    r = torch.rand(B, L, device=dev, generator=gen)
    inp = torch.where(m & (r < 0.8), torch.full_like(ids, MASK_ID), ids)
    rand_ids = torch.randint(3, vocab_size, (B, L), device=dev, generator=gen, dtype=ids.dtype)
    inp = torch.where(m & (r >= 0.8) & (r < 0.9), rand_ids, inp)
    labels = torch.where(m, ids, torch.full_like(ids, -100))
    return inp, labels


def pretrain_on_device(cfg: Config, schema: Schema, arrays: dict[str, np.ndarray], ckpt_path: str, device,
                       ckpt_every_s: float = 60) -> dict:
    """Train a fresh encoder on the packed examples; returns the run's summary."""
    dev = torch.device(device)
    cuda = dev.type == "cuda"
    if cuda:
        torch.backends.cuda.matmul.allow_tf32 = True
    mc = model_config(cfg, schema)
    model = FinKGEncoder(mc).to(dev)
    opt = make_optimizer(model, cfg, cfg.pt_device_lr)
    t0 = time.time()
    data = to_device(arrays, dev)
    log(f"{len(data.lengths)} examples, {int(data.lengths.sum())} tokens, {data.n_spans} spans on "
        f"{torch.cuda.get_device_name(dev) if cuda else dev} in {time.time() - t0:.0f}s; params {count_params(model)}")
    rng = np.random.default_rng(cfg.seed)
    gen = torch.Generator(device=dev).manual_seed(cfg.seed)
    model.train()
    tokens, epoch_count, loss_mean = 0, 0, None
    loss_sum = torch.zeros((), device=dev)  # summed on the device: reading it every step would stall the queue

    def epoch():
        nonlocal epoch_count
        epoch_count += 1
        return epoch_batches(data.lengths, cfg.pt_device_batch_tokens, rng)

    def loss_of(rows):
        idx = torch.from_numpy(rows).to(dev, non_blocking=True)
        L = int(data.lengths[rows].max())
        ids = data.ids[idx, :L].long()
        seg, pos = data.seg[idx, :L].long(), data.pos[idx, :L].long()
        inp, lab = mask_batch(ids, seg, data.span_id[idx, :L], data.n_spans, cfg, mc.vocab_size, gen)
        att = (ids != 0).long()
        with torch.autocast(dev.type, dtype=torch.bfloat16, enabled=cuda):
            h = model.encode(inp, att, seg, pos, att)  # kb id 1 (none) on real tokens, as pad_batch
            sel = lab != -100
            loss = F.cross_entropy(model.mlm_logits(h[sel]).float(), lab[sel])
        return loss, int(data.lengths[rows].sum())

    def after_step(run, loss, n_tokens):
        nonlocal tokens, loss_mean
        tokens += n_tokens
        loss_sum.add_(loss.detach())
        if run.step % 200 == 0:
            loss_mean = loss_sum.item() / 200
            loss_sum.zero_()
            log(f"step {run.step} epoch {epoch_count} loss {loss_mean:.3f} (mean of 200) "
                f"lr {opt.param_groups[0]['lr']:.2e} {tokens / run.elapsed():.0f} tok/s, {tokens / 1e6:.0f}M tokens")

    def checkpoint(run, done=False):
        save_ckpt(ckpt_path, model=half_weights(model.state_dict()), step=run.step, elapsed=run.elapsed(), done=done,
                  loss_ema=loss_mean)

    run = Run()
    budget = Budget(cfg.pt_device_max_steps, cfg.pt_device_time_budget_s, cfg.pt_device_lr, cfg.pt_device_warmup)
    run_steps(model, opt, budget, run, epoch, loss_of, cfg.grad_clip, after_step, [Every(ckpt_every_s, checkpoint)])
    seconds = run.elapsed()
    checkpoint(run, done=True)
    return {"steps": run.step, "seconds": seconds, "final_loss_mean_200": loss_mean, "tokens": tokens,
            "epochs": tokens / float(data.lengths.sum()), "batch_tokens": cfg.pt_device_batch_tokens,
            "lr": cfg.pt_device_lr, "device": torch.cuda.get_device_name(dev) if cuda else str(dev)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--packed", help="device_pack.py's folder (default: the config's prepared pretrain.pkl)")
    ap.add_argument("--out", help="folder for pretrain_last.pt and pretrain_summary.json (default: the config's)")
    ap.add_argument("--device", default="cuda")
    args, cfg = parse_args(ap)
    ckpt_path = os.path.join(args.out, "pretrain_last.pt") if args.out else cfg.ckpt_path("pretrain_last.pt")
    if os.path.exists(ckpt_path) and torch.load(ckpt_path, map_location="cpu", weights_only=False).get("done"):
        log(f"{ckpt_path} is a finished pretraining; skipping")
        return
    if args.packed:
        cfg = dataclasses.replace(cfg, prepared_dir=os.path.abspath(args.packed))  # prepare_meta.json is there
        arrays = read_packed(os.path.join(args.packed, PACKED))
    else:
        with open(os.path.join(cfg.prepared_path(), "pretrain.pkl"), "rb") as f:
            arrays = pack(pickle.load(f))
    os.makedirs(os.path.dirname(ckpt_path), exist_ok=True)
    torch.manual_seed(cfg.seed)
    log(f"torch {torch.__version__}")
    summary = pretrain_on_device(cfg, Schema.load(cfg.path(cfg.schema_path)), arrays, ckpt_path, args.device)
    with open(os.path.join(args.out or cfg.path(cfg.cache_dir), "pretrain_summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    log(f"done: {json.dumps(summary)}")


if __name__ == "__main__":
    main()
