"""Where FewFC arguments are lost: the model card's error analysis, rerunnable.

  .venv/bin/python -m models.training.diagnose --config full                 # model.onnx in model_dir
  .venv/bin/python -m models.training.diagnose --config full --model-dir /tmp/v0.6.0/models/finkg-small
      # after: mkdir -p /tmp/v0.6.0 && git archive 7e51929 models/finkg-small | tar -x -C /tmp/v0.6.0
  .venv/bin/python -m models.training.diagnose --config team --ckpt .data/training/team/ckpt/finetune_best.pt

Prints, with the model's own thresholds (model_dir's config.json, or those the checkpoint was chosen with):
- dev scores, and dev scores with the gold event types given instead of the type head's (the trigger and
  argument heads run for every type, so a type the head missed is still read);
- with gold types, the argument errors: gold arguments no predicted span of their type overlaps, and false
  positives that overlap nothing of their type / a gold argument of the same role (boundaries) / only
  arguments of other roles;
- the decoder's bound: dev decoded from the gold pointers themselves;
- recall of the dev gold arguments whose text is, or is not, an argument somewhere in FewFC train, in all
  and per role;
- train fit: scores on 900 FewFC train units (originals, their training marks) drawn with seed 0.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle

import numpy as np

from .evaluate import decode_events, event_scores, gold_event_sets, onnx_forward, prf, run_batches

N_TRAIN_UNITS = 900


def torch_all_types_forward(cfg, schema, ckpt):
    """A checkpoint's forward with the trigger/argument heads run for all types, as model.onnx does."""
    from .model import FinKGEncoder
    from .train import load_weights, model_config, torch_forward
    model = FinKGEncoder(model_config(cfg, schema))
    load_weights(model, ckpt["model"])
    model.eval()
    return torch_forward(model, min_type_prob=0.0)


def unit_gold(u):
    """A unit's gold tuples in unit offsets (a trigger outside the unit's window is None)."""
    TI, TC, AI, AC = set(), set(), set(), set()
    for t, trig, args in u["events"]:
        if trig is not None:
            TI.add(tuple(trig))
            TC.add((t, *trig))
        for r, s, e in args:
            AI.add((t, s, e))
            AC.add((t, s, e, r))
    return TI, TC, AI, AC


def unit_scores(unit_probs, units, role_mask, th, max_span):
    counts = np.zeros((4, 3))
    for p, u in zip(unit_probs, units):
        pred, gold = decode_events(p, role_mask, th, max_span), unit_gold(u)
        for k in range(4):
            counts[k] += (len(pred[k] & gold[k]), len(pred[k]), len(gold[k]))
    return {name: prf(*counts[k]) for k, name in enumerate(["TI", "TC", "AI", "AC"])}


def with_gold_types(unit_probs, units, n_types):
    out = []
    for (_, trig, arg, ent), u in zip(unit_probs, units):
        ty = np.zeros(n_types, np.float32)
        ty[[t for t, _, _ in u["events"]]] = 1.0
        out.append((ty, trig, arg, ent))
    return out


def gold_pointers(units, schema):
    from .train import build_targets
    out = []
    for u in units:
        y = build_targets([u], max(1, len(u["ids"])), schema, schema.role_mask())
        out.append((y["type_y"][0].numpy(), y["trig_y"][0].numpy(), y["arg_y"][0].numpy(), None))
    return out


def predicted_arguments(unit_probs, dev, schema, th, max_span):
    """Per dev record, its decoded AC tuples in record offsets (the units' windows merged)."""
    role_mask = schema.role_mask()
    pred = {r["id"]: set() for r in dev["records"]}
    for p, u in zip(unit_probs, dev["units"]):
        off = u["offset"]
        pred[u["doc"]] |= {(t, s + off, e + off, r) for t, s, e, r in decode_events(p, role_mask, th, max_span)[3]}
    return pred


def argument_errors(pred, records, schema):
    def overlap(a, b):
        return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]
    n = dict(gold=0, missed=0, false_pos=0, overlap_nothing=0, boundary=0, other_role_only=0)
    for rec in records:
        gold, got = gold_event_sets(rec, schema)[3], pred[rec["id"]]
        n["gold"] += len(gold)
        n["missed"] += sum(not any(overlap(p, g) for p in got) for g in gold)
        for p in got - gold:
            near = [g for g in gold if overlap(p, g)]
            n["false_pos"] += 1
            kind = "overlap_nothing" if not near else "boundary" if any(g[3] == p[3] for g in near) \
                else "other_role_only"
            n[kind] += 1
    return n


def recall_by_seen(pred, records, train, schema):
    """Recall of dev gold arguments (AC tuples) split by whether their text is a FewFC train argument, in all
    and per role."""
    seen = {u["text"][s:e] for u in train for _, _, args in u["events"] for _, s, e in args}
    n = {}  # (role or "all", "seen" | "unseen") -> [gold, found]
    for rec in records:
        for g in gold_event_sets(rec, schema)[3]:
            kind = "seen" if rec["content"][g[1]:g[2]] in seen else "unseen"
            for key in (("all", kind), (schema.roles[g[3]], kind)):
                c = n.setdefault(key, [0, 0])
                c[0] += 1
                c[1] += g in pred[rec["id"]]
    out = {}
    for (group, kind), (gold, found) in n.items():
        out.setdefault(group, {})[kind] = {"gold": gold, "recall": round(100 * found / gold, 1)}
    return {group: {kind: out[group][kind] for kind in ("seen", "unseen") if kind in out[group]}
            for group in ["all", *schema.roles] if group in out}


def main():
    from .config import parse_args
    from .schema import Schema
    ap = argparse.ArgumentParser()
    ap.add_argument("--onnx", default="model.onnx", help="file in model_dir (a whole model: heads for all types)")
    ap.add_argument("--model-dir", default=None, help="instead of the config's model_dir, e.g. an older version's")
    ap.add_argument("--ckpt", default=None, help="a training checkpoint instead of the ONNX file")
    args, cfg = parse_args(ap)
    schema = Schema.load(cfg.path(cfg.schema_path))
    max_span = cfg.max_span
    if args.ckpt:
        import torch
        ckpt = torch.load(args.ckpt, weights_only=False)
        th, fwd = ckpt["thresholds"], torch_all_types_forward(cfg, schema, ckpt)
    else:
        model_dir = args.model_dir or cfg.path(cfg.model_dir)
        th = json.load(open(os.path.join(model_dir, "config.json"), encoding="utf-8"))["decode"]["thresholds"]
        fwd = onnx_forward(os.path.join(model_dir, args.onnx), cfg.threads)
    prepared = cfg.prepared_path()
    dev = pickle.load(open(os.path.join(prepared, "fewfc_dev.pkl"), "rb"))
    train = pickle.load(open(os.path.join(prepared, "fewfc_train.pkl"), "rb"))
    sample = [train[i] for i in np.random.default_rng(0).choice(len(train), N_TRAIN_UNITS, replace=False)]

    def dev_f1(probs):
        return event_scores(probs, dev["units"], dev["records"], schema, th, max_span)

    def f1s(scores):
        return {k: round(v["f1"], 2) for k, v in scores.items()}
    dev_probs = run_batches(fwd, dev["units"])
    gold_typed = with_gold_types(dev_probs, dev["units"], len(schema.event_types))
    gt = dev_f1(gold_typed)
    out = {
        "thresholds": th,
        "dev": f1s(dev_f1(dev_probs)),
        "dev_gold_types": f1s(gt),
        "dev_gold_types_AC_p_r": [round(gt["AC"]["p"], 1), round(gt["AC"]["r"], 1)],
        "argument_errors_gold_types": argument_errors(
            predicted_arguments(gold_typed, dev, schema, th, max_span), dev["records"], schema),
        "dev_recall_by_train_argument_text": recall_by_seen(
            predicted_arguments(dev_probs, dev, schema, th, max_span), dev["records"], train, schema),
        "dev_gold_pointers": f1s(dev_f1(gold_pointers(dev["units"], schema))),
        f"train_fit_{N_TRAIN_UNITS}_units": f1s(unit_scores(run_batches(fwd, sample), sample, schema.role_mask(),
                                                            th, max_span)),
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
