"""Train finkg-small: (a) masked-LM domain pretraining, (b) multitask finetuning (events + entities, with
the known-name marks as an input).

Run the whole recipe (build features CLI, prepare, pretrain, finetune, export, evaluate):
  npm run train                                  # full config (see models/finkg-small/MODEL_CARD.md)
  FINKG_TRAIN_CONFIG=tiny npm run train          # CI smoke run (< 2 min)
Single stages:
  .venv/bin/python -m models.training.prepare  --config full
  .venv/bin/python -m models.training.pretrain_device --config full   # given CUDA (else the next line pretrains)
  .venv/bin/python -m models.training.train    --config full --stage pretrain
  .venv/bin/python -m models.training.train    --config full --stage finetune [--device cuda]
  .venv/bin/python -m models.training.export   --config full
On a lent GPU machine that has only the repository: device_pack.py and config/device_finetune.py.
Finished experiments (ablations, finetuning arms) left the tree; the root HISTORY.md names the commits that hold them.
Where arguments are lost (gold types, error kinds, train fit; the model card's error analysis):
  .venv/bin/python -m models.training.diagnose --config full
Every entry point that takes --config NAME also takes --key=value for any Config field (config/__init__.py),
typed by the field, so a trial needs no new config file:
  .venv/bin/python -m models.training.train --config team --stage finetune --ft_max_steps=20 --cache_dir=.data/t
Both stages checkpoint to <cache_dir>/ckpt/ every few minutes and resume from the last checkpoint.
Budgets are time-based (pt_time_budget_s / ft_time_budget_s) with step caps; the LR schedule follows
progress = max(step / max_steps, elapsed / time_budget).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import pickle
import time
from collections import Counter

import numpy as np
import torch
import torch.nn.functional as F
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn

from .batching import INPUTS, bucket_batches, pad_batch
from .config import Config, parse_args
from .evaluate import TH_GRID_FINE, evaluate_all
from .loop import Budget, Every, Run, log, make_optimizer, run_steps, save_ckpt
from .model import FinKGEncoder, ModelConfig, count_params
from .schema import Schema
from .tokenizer import MASK_ID


def model_config(cfg: Config, schema: Schema) -> ModelConfig:
    meta = json.load(open(os.path.join(cfg.prepared_path(), "prepare_meta.json")))
    return ModelConfig(vocab_size=meta["vocab_size"], n_pos=len(meta["pos_tags"]) + 2, n_layer=cfg.n_layer,
                       d_model=cfg.d_model, n_head=cfg.n_head, d_ff=cfg.d_ff, max_len=cfg.max_len,
                       dropout=cfg.dropout, n_types=len(schema.event_types), n_roles=len(schema.roles),
                       n_entities=len(schema.entity_types), use_word_features=cfg.use_word_features,
                       n_kb=meta.get("kb_vocab", 8), use_knowledge=cfg.use_knowledge,
                       head_layers=cfg.head_layers)


# A new event type's conditioning embedding starts from the trained type it reads most like.
RELATED_TYPE = {"解除质押": "质押", "股东增持": "减持", "股份回购": "股份股权转让", "企业融资": "投资", "行政处罚": "判决"}


def load_weights(model, state, labels=None, schema: Schema | None = None):
    """Load a checkpoint's weights. Parts the checkpoint predates keep their init: the knowledge embedding
    (zero), head blocks (random; only finetuning trains them) and the masked-LM head of weights recovered from
    an exported graph (finetuning does not use it). With the checkpoint's label orders, rows of event types and
    roles are mapped by name, so a model learns new types and roles starting from a trained one."""
    if labels is not None and schema is not None:
        state = widen_label_rows(model, state, labels, schema)
    missing, unexpected = model.load_state_dict(state, strict=False)
    new_parts = [k for k in missing if k == "kb.weight" or k.startswith(("cond_blocks.", "cond_ln_f.", "mlm_"))]
    if unexpected or len(new_parts) < len(missing):
        raise RuntimeError(f"checkpoint does not fit the model: missing {missing}, unexpected {unexpected}")
    if new_parts:
        log(f"checkpoint lacks {len(new_parts)} tensors (knowledge embedding / head blocks / MLM head); they keep "
            "their init")


def widen_label_rows(model, state, labels, schema: Schema):
    """The checkpoint's type and role rows placed at the schema's positions; new rows keep the model's init."""
    state = {k: v.float() for k, v in state.items()}
    fresh = model.state_dict()
    old_t = {t: i for i, t in enumerate(labels["eventTypes"])}
    old_r = {r: i for i, r in enumerate(labels["roles"])}
    if list(labels["entityTypes"]) != schema.entity_types:
        raise RuntimeError("entity types differ from the checkpoint's")
    for name in ("type_head.weight", "type_head.bias", "type_emb.weight"):
        w = fresh[name].clone()
        for t, i in schema.type_index.items():
            src = old_t.get(t, old_t.get(RELATED_TYPE.get(t)) if name == "type_emb.weight" else None)
            if src is not None:
                w[i] = state[name][src]
        state[name] = w
    for name in ("argument_head.weight", "argument_head.bias"):
        w = fresh[name].clone()
        for r, i in schema.role_index.items():
            if r in old_r:
                w[2 * i: 2 * i + 2] = state[name][2 * old_r[r]: 2 * old_r[r] + 2]
        state[name] = w
    added = [t for t in schema.event_types if t not in old_t] + [r for r in schema.roles if r not in old_r]
    if added:
        log(f"new labels over the checkpoint's: {added}")
    return state


# ---------------------------------------------------------------- (a) masked-LM pretraining
def mask_example(ids, seg, spans, rng, cfg, vocab_size):
    """Whole-word masking over jieba words + whole-span masking of annotated entity/argument spans."""
    n = len(ids)
    word_start = (seg == 1) | (seg == 4) | (np.arange(n) == 0)
    word_id = np.cumsum(word_start) - 1
    chosen = rng.random(word_id[-1] + 1) < cfg.mask_prob
    m = chosen[word_id]
    for s, e in spans:
        if rng.random() < cfg.span_mask_prob and e - s <= 20:
            m[s:e] = True
    if m.mean() > 0.4:  # keep enough context visible
        m &= rng.random(n) < 0.4 / m.mean()
    if not m.any():
        m[rng.integers(n)] = True
    inp = ids.copy()
    r = rng.random(n)
    inp[m & (r < 0.8)] = MASK_ID
    rnd = m & (r >= 0.8) & (r < 0.9)
    inp[rnd] = rng.integers(3, vocab_size, rnd.sum())
    labels = np.where(m, ids, -100)
    return inp, labels


def pretrain(cfg: Config, schema: Schema):
    cache = cfg.path(cfg.cache_dir)
    ck_path = cfg.ckpt_path("pretrain_last.pt")
    os.makedirs(os.path.dirname(ck_path), exist_ok=True)
    mc = model_config(cfg, schema)
    model = FinKGEncoder(mc)
    opt = make_optimizer(model, cfg, cfg.pt_lr)
    step, elapsed = 0, 0.0
    if os.path.exists(ck_path):
        st = torch.load(ck_path, weights_only=False)
        if st.get("done"):
            log("pretraining already done; skipping")
            return
        if "opt" not in st:
            raise SystemExit(f"{ck_path} is an unfinished pretrain_device.py checkpoint: rerun that, or delete it "
                             "to pretrain on the CPU")
        load_weights(model, st["model"])
        opt.load_state_dict(st["opt"])
        step, elapsed = st["step"], st["elapsed"]
        log(f"resumed pretraining at step {step} ({elapsed:.0f}s)")
    data = pickle.load(open(os.path.join(cfg.prepared_path(), "pretrain.pkl"), "rb"))
    data = [d for d in data if len(d[0]) >= 2]
    lengths = np.array([len(d[0]) for d in data])
    log(f"pretrain: {len(data)} examples, {lengths.sum()} tokens, params {count_params(model)}")
    rng = np.random.default_rng(cfg.seed + step)
    model.train()

    def epoch():
        return bucket_batches(lengths, cfg.pt_batch_tokens, rng)

    def loss_of(bidx):
        units, labels = [], []
        for i in bidx:
            ids, seg, pos, spans = data[i]
            inp, lab = mask_example(ids, seg, spans, rng, cfg, mc.vocab_size)
            units.append({"ids": inp, "seg": seg, "pos": pos})
            labels.append(lab)
        b = pad_batch(units, multiple=16)
        lab = np.full(b["input_ids"].shape, -100, dtype=np.int64)
        for k, l in enumerate(labels):
            lab[k, :len(l)] = l
        lab = torch.from_numpy(lab)
        h = model.encode(*(torch.from_numpy(b[k]) for k in INPUTS))
        sel = lab != -100
        return F.cross_entropy(model.mlm_logits(h[sel]), lab[sel]), int(b["attention_mask"].sum())

    loss_ema, tok = None, 0
    t_run = time.time()  # throughput since this process started (resume-safe)

    def after_step(run, loss, n_tokens):
        nonlocal loss_ema, tok
        tok += n_tokens
        loss_ema = loss.item() if loss_ema is None else 0.98 * loss_ema + 0.02 * loss.item()
        if run.step % 50 == 0 or run.step == 1:
            log(f"pt step {run.step} loss {loss.item():.3f} ema {loss_ema:.3f} lr {opt.param_groups[0]['lr']:.2e} "
                f"{tok / max(1e-9, time.time() - t_run):.0f} tok/s "
                f"elapsed {run.elapsed():.0f}s")

    def checkpoint(run, done=False):
        save_ckpt(ck_path, model=model.state_dict(), opt=opt.state_dict(), step=run.step,
                  elapsed=run.elapsed(), done=done, loss_ema=loss_ema)

    run = Run(step, elapsed)
    run_steps(model, opt, Budget(cfg.pt_max_steps, cfg.pt_time_budget_s, cfg.pt_lr, cfg.pt_warmup), run, epoch,
              loss_of, cfg.grad_clip, after_step, [Every(cfg.ckpt_every_s, checkpoint)])
    checkpoint(run, done=True)
    with open(os.path.join(cache, "pretrain_summary.json"), "w") as f:
        json.dump({"steps": run.step, "seconds": run.elapsed(), "final_loss_ema": loss_ema}, f)
    log(f"pretraining done: {run.step} steps, loss ema {loss_ema:.3f}, {run.elapsed():.0f}s")


# ---------------------------------------------------------------- (b) multitask finetuning
def build_targets(units, L, schema, role_mask):
    """Per-task label tensors; event units have has_event=1, entity units carry their entity mask. type_m marks
    the types a unit's dataset labels (FewFC says nothing of the team's types, nor the team of a sentence that
    only repeats a party); trig_m is 0 where a present type has no trigger annotation (the team's units)."""
    B, T, R, E = len(units), len(schema.event_types), len(schema.roles), len(schema.entity_types)
    has_event = np.zeros(B, np.float32)
    type_y = np.zeros((B, T), np.float32)
    type_m = np.zeros((B, T), np.float32)
    trig_m = np.ones((B, T), np.float32)
    fewfc_types = schema.labelled_by("fewfc")
    trig_y = np.zeros((B, T, L, 2), np.float32)
    arg_y = np.zeros((B, T, L, R, 2), np.float32)
    ent_y = np.zeros((B, L, E, 2), np.float32)
    ent_m = np.zeros((B, E), np.float32)
    for b, u in enumerate(units):
        if "events" in u:
            has_event[b] = 1
            if "known" in u:
                type_m[b, u["known"]] = 1
            else:
                type_m[b] = fewfc_types
            for t, trig, args in u["events"]:
                type_y[b, t] = 1
                if u.get("team"):
                    trig_m[b, t] = 0
                if trig:
                    trig_y[b, t, trig[0], 0] = 1
                    trig_y[b, t, trig[1] - 1, 1] = 1
                for r, s, e in args:
                    arg_y[b, t, s, r, 0] = 1
                    arg_y[b, t, e - 1, r, 1] = 1
        else:
            ent_m[b] = u["ent_mask"]
            for et, s, e in u["spans"]:
                ent_y[b, s, et, 0] = 1
                ent_y[b, e - 1, et, 1] = 1
    return {k: torch.from_numpy(v) for k, v in dict(has_event=has_event, type_y=type_y, type_m=type_m,
                                                     trig_m=trig_m, trig_y=trig_y, arg_y=arg_y, ent_y=ent_y,
                                                     ent_m=ent_m).items()}


def head_pairs(type_logits, y, n_neg):
    """(row, type) pairs whose trigger/argument heads are trained: each event row's gold types and its n_neg
    highest-scoring other types. Serving runs the heads only for types that pass the type threshold, so these
    are the negatives that matter; heads over all types of every row (entity rows included) took ~40 % of a
    step."""
    ev = y["has_event"].bool()
    scores = type_logits.detach().masked_fill(~y["type_m"].bool(), float("-inf"))  # unlabelled types: no pairs
    scores = scores.masked_fill(y["type_y"].bool(), float("inf"))  # gold types rank first
    k = min(scores.shape[1], n_neg + int(y["type_y"].sum(1).max()))
    top = scores.topk(k, dim=1).indices  # [B, k]
    n_gold = y["type_y"].sum(1, keepdim=True).long()
    keep = (torch.arange(k, device=top.device)[None, :] < n_gold + n_neg) & ev[:, None]
    keep &= y["type_m"].gather(1, top).bool()
    rows = torch.arange(top.shape[0], device=top.device)[:, None].expand_as(top)
    return rows[keep], top[keep]


def multitask_loss(model, h, attn, y, role_mask, cfg):
    """Losses of one batch from the encoder states h. Pointer losses are normalised as if the heads had run for
    every type of every event row: the pairs left out are easy negatives whose loss is near zero."""
    type_logits, ent = model.type_logits(h, attn), model.entity_logits(h)
    rows, types = head_pairs(type_logits, y, cfg.head_negatives)
    trig, arg = model.pair_heads(h, rows, types, attn)  # [P, L, 2], [P, L, R, 2]
    pw = torch.tensor(cfg.pos_weight, device=h.device)
    ev = y["has_event"]
    am = attn.float()
    # Each loss is averaged over the labels a row has: its labelled types, their valid roles. A FewFC row so
    # weighs what it did before the team's types existed.
    type_m = y["type_m"] * ev[:, None]
    n_type_labels = type_m.sum().clamp(min=1)
    n_role_labels = (type_m * role_mask.sum(1)[None, :]).sum().clamp(min=1)
    losses = {}
    bce = F.binary_cross_entropy_with_logits(type_logits, y["type_y"], reduction="none")
    losses["type"] = (bce * type_m).sum() / n_type_labels
    m = am[rows][:, :, None] * y["trig_m"][rows, types][:, None, None]
    bce = F.binary_cross_entropy_with_logits(trig, y["trig_y"][rows, types], pos_weight=pw, reduction="none")
    losses["trigger"] = (bce * m).sum() / (n_type_labels * 2)
    m = am[rows][:, :, None, None] * role_mask[types][:, None, :, None]
    bce = F.binary_cross_entropy_with_logits(arg, y["arg_y"][rows, types], pos_weight=pw, reduction="none")
    losses["argument"] = cfg.arg_loss_weight * (bce * m).sum() / (n_role_labels * 2)
    m = am[:, :, None, None] * y["ent_m"][:, None, :, None]
    bce = F.binary_cross_entropy_with_logits(ent, y["ent_y"], pos_weight=pw, reduction="none")
    losses["entity"] = (bce * m).sum() / (y["ent_m"].sum() * 2).clamp(min=1)
    return sum(losses.values()), losses


def torch_forward(model, min_type_prob=min(TH_GRID_FINE)):
    """Dev-evaluation forward, run as serving runs it: trigger/argument heads only for the types whose
    probability reaches min_type_prob, the lowest type threshold tuning can pick, so the decoded output equals
    the all-type forward's (the types left out get logits of -50) at a fraction of the heads' cost."""
    dev = next(model.parameters()).device

    def fwd(batch):
        inputs = [torch.from_numpy(batch[k]).to(dev) for k in INPUTS]
        attn = inputs[INPUTS.index("attention_mask")]
        with torch.no_grad():
            h = model.encode(*inputs)
            type_logits = model.type_logits(h, attn)
            rows, types = (torch.sigmoid(type_logits) >= min_type_prob).nonzero(as_tuple=True)
            trig_p, arg_p = model.pair_heads(h, rows, types, attn)
            (B, L), T = attn.shape, type_logits.shape[1]
            trig = torch.full((B, T, L, 2), -50.0, device=dev)
            arg = torch.full((B, T, L, model.c.n_roles, 2), -50.0, device=dev)
            trig[rows, types], arg[rows, types] = trig_p, arg_p
            ent = model.entity_logits(h)
        return [o.cpu().numpy() for o in (type_logits, trig, arg, ent)]
    return fwd


def team_repeats(units, cfg: Config) -> list[int]:
    """How many times per epoch each team unit is shown: once if it states no event, else team_positive_repeat,
    times up to team_rare_type_boost for a unit of a type with fewer sentences than the median type. A
    pseudo-labelled unit (cfg.pseudo_events) that states an event is shown pseudo_positive_repeat times; the
    type counts are the gold units' alone, so pseudo-labels change no gold unit's repeat."""
    per_type = Counter(t for u in units if not u.get("pseudo") for t, _, _ in u["events"])
    median = float(np.median(list(per_type.values()))) if per_type else 0.0

    def boost(t):
        return min(cfg.team_rare_type_boost, max(1.0, (median / per_type[t]) ** 0.5))

    def repeat(u):
        if not u["events"]:
            return 1
        if u.get("pseudo"):
            return cfg.pseudo_positive_repeat
        return round(cfg.team_positive_repeat * max(boost(t) for t, _, _ in u["events"]))

    return [repeat(u) for u in units]


def finetune(cfg: Config, schema: Schema, device: str = "cpu"):
    cache = cfg.path(cfg.cache_dir)
    last_path, best_path = cfg.ckpt_path("finetune_last.pt"), cfg.ckpt_path("finetune_best.pt")
    os.makedirs(os.path.dirname(last_path), exist_ok=True)
    mc = model_config(cfg, schema)
    if cfg.ft_dropout is not None:
        mc = dataclasses.replace(mc, dropout=cfg.ft_dropout)
    dev = torch.device(device)
    model = FinKGEncoder(mc)
    budget = Budget(cfg.ft_max_steps, cfg.ft_time_budget_s, cfg.ft_lr, cfg.ft_warmup)
    step, elapsed, best, evals, st = 0, 0.0, {"score": -1.0}, [], None
    if os.path.exists(last_path):
        st = torch.load(last_path, map_location="cpu", weights_only=False)
        # A finished run whose budget was raised since continues where it stopped.
        if st.get("done") and budget.progress(st["step"], st["elapsed"]) >= 1.0:
            log("finetuning already done; skipping")
            return
        load_weights(model, st["model"])
        step, elapsed, best, evals = st["step"], st["elapsed"], st["best"], st.get("evals", [])
        log(f"resumed finetuning at step {step} ({elapsed:.0f}s)")
    else:
        pt = cfg.path(cfg.init_ckpt) if cfg.init_ckpt else cfg.ckpt_path("pretrain_last.pt")
        if os.path.exists(pt):
            init = torch.load(pt, map_location="cpu", weights_only=False)
            load_weights(model, init["model"], init.get("labels"), schema)
            log(f"initialised from {pt}")
        else:
            log("WARNING: no pretrained checkpoint; finetuning from scratch")
    model.to(dev)
    opt = make_optimizer(model, cfg, cfg.ft_lr)
    ema = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(cfg.ema_decay)) if cfg.ema_decay else None
    if st is not None:
        opt.load_state_dict(st["opt"])
        if ema is not None and st.get("ema") is not None:
            ema.load_state_dict(st["ema"])
    prepared = cfg.prepared_path()
    ev_units = pickle.load(open(os.path.join(prepared, "fewfc_train.pkl"), "rb"))
    ent_units = pickle.load(open(os.path.join(prepared, "ent_train.pkl"), "rb"))
    copies = pickle.load(open(os.path.join(prepared, "fewfc_train_aug.pkl"), "rb")) if cfg.augment_copies else None
    team_units = pickle.load(open(os.path.join(prepared, "team_train.pkl"), "rb")) \
        if cfg.team_events or cfg.pseudo_events else []
    team_units = [u for u, n in zip(team_units, team_repeats(team_units, cfg)) for _ in range(n)]
    role_mask_np = schema.role_mask()
    role_mask = torch.from_numpy(role_mask_np).to(dev)
    rng = np.random.default_rng(cfg.seed + 1 + step)
    log(f"finetune: {len(ev_units)} event units ({sum(map(bool, copies or []))} with mention-replaced copies), "
        f"{len(team_units)} team units (those stating an event x{cfg.team_positive_repeat}, "
        f"rare types up to x{cfg.team_rare_type_boost:g} more; "
        f"{sum(1 for u in team_units if u.get('pseudo'))} of them pseudo-labelled, x{cfg.pseudo_positive_repeat}), "
        f"{len(ent_units)} entity units, "
        f"params {count_params(model)}")

    def evaluate_and_keep(run):
        """Score the weights (and their moving average, if kept) on dev; keep the best seen as finetune_best."""
        nonlocal best
        step, elapsed = run.step, run.elapsed()
        candidates = [("raw", model)] + ([("ema", ema.module)] if ema is not None else [])
        for weights, m in candidates:
            m.eval()
            t0 = time.time()
            th, scores = evaluate_all(torch_forward(m), prepared, schema, cfg.max_span)
            evals.append({"step": step, "weights": weights, "thresholds": th, "scores": scores})
            ac = scores["fewfc_dev"]["AC"]["f1"]
            score = ac + 0.05 * scores["entity_dev"]["mean_f1"]  # events first; entities break ties
            ev = scores["fewfc_dev"]
            log(f"dev @ step {step} ({weights}): TI {ev['TI']['f1']:.1f} TC {ev['TC']['f1']:.1f} "
                f"AI {ev['AI']['f1']:.1f} AC {ac:.1f} | ent clue {scores['entity_dev']['cluener_holdout']['f1']:.1f} "
                f"finner {scores['entity_dev']['finner_eval']['f1']:.1f} | th {th} ({time.time() - t0:.0f}s)")
            if score > best["score"]:
                best = {"score": score, "step": step, "weights": weights, "thresholds": th, "scores": scores,
                        "elapsed": elapsed}
                save_ckpt(best_path, model=m.state_dict(), step=step, weights=weights, thresholds=th,
                          scores=scores, model_config=mc.__dict__)
                log(f"new best (score {score:.2f})")
        model.train()

    model.train()

    def epoch():
        n_ent = int(len(ent_units) * cfg.ent_fraction)
        events = ev_units if copies is None else [
            c[rng.integers(len(c))] if c and rng.random() < cfg.augment_share else u for u, c in zip(ev_units, copies)]
        pool = events + team_units + [ent_units[i] for i in rng.permutation(len(ent_units))[:n_ent]]
        lengths = np.array([len(u["ids"]) for u in pool])
        return ([pool[i] for i in bidx] for bidx in bucket_batches(lengths, cfg.ft_batch_tokens, rng))

    def loss_of(units):
        b = pad_batch(units, multiple=16)
        y = {k: v.to(dev) for k, v in build_targets(units, b["input_ids"].shape[1], schema, role_mask_np).items()}
        inputs = [torch.from_numpy(b[k]).to(dev) for k in INPUTS]
        h = model.encode(*inputs)
        return multitask_loss(model, h, inputs[1], y, role_mask, cfg)

    loss_ema = None

    def after_step(run, loss, parts):
        nonlocal loss_ema
        if ema is not None:
            ema.update_parameters(model)
        loss_ema = loss.item() if loss_ema is None else 0.98 * loss_ema + 0.02 * loss.item()
        if run.step % 50 == 0 or run.step == 1:
            log(f"ft step {run.step} loss {loss.item():.3f} ema {loss_ema:.3f} "
                + " ".join(f"{k} {v.item():.3f}" for k, v in parts.items())
                + f" lr {opt.param_groups[0]['lr']:.2e} elapsed {run.elapsed():.0f}s")

    def checkpoint(run, done=False):
        save_ckpt(last_path, model=model.state_dict(), opt=opt.state_dict(), step=run.step,
                  elapsed=run.elapsed(), best=best, evals=evals, done=done,
                  ema=ema.state_dict() if ema is not None else None)

    run = Run(step, elapsed)
    run_steps(model, opt, budget, run, epoch, loss_of, cfg.grad_clip, after_step,
              [Every(cfg.eval_every_s, evaluate_and_keep), Every(cfg.ckpt_every_s, checkpoint)])
    if not evals or evals[-1]["step"] != run.step:  # the last step may just have been evaluated
        evaluate_and_keep(run)
    checkpoint(run, done=True)
    with open(os.path.join(cache, "finetune_summary.json"), "w") as f:
        json.dump({"steps": run.step, "seconds": run.elapsed(), "best": best, "evals": evals}, f, indent=1)
    log(f"finetuning done: {run.step} steps, best step {best['step']} score {best['score']:.2f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stage", choices=["pretrain", "finetune", "all"], default="all")
    ap.add_argument("--device", default="cpu", help="finetuning's torch device (pretraining: pretrain_device.py)")
    args, cfg = parse_args(ap)
    torch.manual_seed(cfg.seed)
    # FINKG_TRAIN_THREADS: e.g. 1 for each of two arms run side by side on 2 cores.
    torch.set_num_threads(int(os.environ.get("FINKG_TRAIN_THREADS", cfg.threads)))
    schema = Schema.load(cfg.path(cfg.schema_path))
    if args.stage in ("pretrain", "all"):
        pretrain(cfg, schema)
    if args.stage in ("finetune", "all"):
        finetune(cfg, schema, args.device)


if __name__ == "__main__":
    main()
