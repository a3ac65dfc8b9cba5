"""Decoding + FewFC/entity dev scores (Python side, for model selection and the model card).

  .venv/bin/python -m models.training.evaluate --config full                    # fp32 ONNX in model_dir
  .venv/bin/python -m models.training.evaluate --config full --onnx model.int8.onnx

Event scores follow FewFC/CasEE: per sentence sets of tuples, micro-averaged:
TI (trig start, end), TC (type, trig start, end), AI (type, arg start, end), AC (type, arg start, end, role).
Entity F1: CLUENER held-out spans (type, start, end); FinNER eval (string, type) sets as in its SOURCE.md.
Decoding: sigmoid; a start at or above threshold is paired with the nearest end at or above threshold at
or after it within max_span; a type's triggers/arguments are read only if its type prob >= type threshold.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle

import numpy as np

from .batching import pad_batch


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def pair_spans(p_start, p_end, th, max_span):
    """p_start/p_end: [L] probs -> [(s, e_exclusive)]: each start paired with the nearest end >= it."""
    starts = np.nonzero(p_start >= th)[0]
    if len(starts) == 0:
        return []
    ends = np.nonzero(p_end >= th)[0]
    if len(ends) == 0:
        return []
    j = np.searchsorted(ends, starts)
    ok = j < len(ends)
    s, e = starts[ok], ends[j[ok]]
    keep = e - s < max_span
    return list(zip(s[keep].tolist(), (e[keep] + 1).tolist()))


# ---------------------------------------------------------------- inference
def run_batches(forward, units, max_tokens=8192):
    """forward(batch dict of int64 arrays) -> (type, trig, arg, ent) logits; returns per-unit probs."""
    order = sorted(range(len(units)), key=lambda i: len(units[i]["ids"]))
    res = [None] * len(units)
    i = 0
    while i < len(order):
        L = max(1, len(units[order[i]]["ids"]))
        j = i
        while j < len(order) and (j - i + 1) * max(1, len(units[order[j]]["ids"])) <= max_tokens:
            j += 1
        j = max(j, i + 1)
        idx = order[i:j]
        batch = pad_batch([units[k] for k in idx])
        ty, tr, ar, en = forward(batch)
        for b, k in enumerate(idx):
            n = len(units[k]["ids"])
            res[k] = (sigmoid(ty[b]), sigmoid(tr[b, :, :n]), sigmoid(ar[b, :, :n]), sigmoid(en[b, :n]))
        i = j
    return res


# ---------------------------------------------------------------- events
def decode_events(probs, role_mask, th, max_span, type_mask=None):
    """probs for one unit -> (set TI, TC, AI, AC) with unit-local offsets; only types where type_mask is 1."""
    ty, tr, ar, _ = probs
    TI, TC, AI, AC = set(), set(), set(), set()
    present = ty >= th["type"] if type_mask is None else (ty >= th["type"]) & (type_mask > 0)
    for t in np.nonzero(present)[0]:
        for s, e in pair_spans(tr[t, :, 0], tr[t, :, 1], th["trigger"], max_span["trigger"]):
            TI.add((s, e))
            TC.add((int(t), s, e))
        for r in np.nonzero(role_mask[t])[0]:
            for s, e in pair_spans(ar[t, :, r, 0], ar[t, :, r, 1], th["argument"], max_span["argument"]):
                AI.add((int(t), s, e))
                AC.add((int(t), s, e, int(r)))
    return TI, TC, AI, AC


def gold_event_sets(record, schema):
    TI, TC, AI, AC = set(), set(), set(), set()
    ti, ri = schema.type_index, schema.role_index
    for ev in record.get("events", []):
        t = ti[ev["type"]]
        s, e = ev["trigger"]["span"]
        TI.add((s, e))
        TC.add((t, s, e))
        for role, lst in ev.get("args", {}).items():
            for a in lst:
                AI.add((t, a["span"][0], a["span"][1]))
                AC.add((t, a["span"][0], a["span"][1], ri[role]))
    return TI, TC, AI, AC


def prf(tp, np_, ng):
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    return {"p": 100 * p, "r": 100 * r, "f1": 100 * (2 * p * r / (p + r) if p + r else 0.0)}


def event_scores(unit_probs, units, records, schema, th, max_span):
    role_mask = schema.role_mask()
    fewfc_types = schema.labelled_by("fewfc")  # FewFC labels only its own types: the others are not scored
    pred = {r["id"]: [set(), set(), set(), set()] for r in records}
    for pr, u in zip(unit_probs, units):
        off = u["offset"]
        sets = decode_events(pr, role_mask, th, max_span, fewfc_types)
        shift = [lambda x: (x[0] + off, x[1] + off), lambda x: (x[0], x[1] + off, x[2] + off),
                 lambda x: (x[0], x[1] + off, x[2] + off), lambda x: (x[0], x[1] + off, x[2] + off, x[3])]
        for k in range(4):
            pred[u["doc"]][k] |= {shift[k](x) for x in sets[k]}
    counts = np.zeros((4, 3))
    for r in records:
        g = gold_event_sets(r, schema)
        for k in range(4):
            counts[k] += (len(pred[r["id"]][k] & g[k]), len(pred[r["id"]][k]), len(g[k]))
    return {name: prf(*counts[k]) for k, name in enumerate(["TI", "TC", "AI", "AC"])}


# ---------------------------------------------------------------- entities
def decode_entities(ent_probs, th, max_span, n_types):
    out = set()
    for et in range(n_types):
        for s, e in pair_spans(ent_probs[:, et, 0], ent_probs[:, et, 1], th, max_span):
            out.add((et, s, e))
    return out


def entity_scores(clue_probs, clue_units, fin_probs, fin_units, fin_gold, th, max_span, n_types):
    tp = npred = ngold = 0
    for pr, u in zip(clue_probs, clue_units):
        p = decode_entities(pr[3], th, max_span, n_types)
        g = set(u["spans"])
        tp, npred, ngold = tp + len(p & g), npred + len(p), ngold + len(g)
    clue = prf(tp, npred, ngold)
    pred = {}
    for pr, u in zip(fin_probs, fin_units):
        i = int(u["doc"].rsplit("-", 1)[1])
        pred.setdefault(i, set()).update((u["text"][s:e], et) for et, s, e in
                                         decode_entities(pr[3], th, max_span, n_types))
    tp = npred = ngold = 0
    for i, gold in enumerate(fin_gold):
        g = set(map(tuple, gold))
        p = pred.get(i, set())
        tp, npred, ngold = tp + len(p & g), npred + len(p), ngold + len(g)
    fin = prf(tp, npred, ngold)
    return {"cluener_holdout": clue, "finner_eval": fin, "mean_f1": (clue["f1"] + fin["f1"]) / 2}


# ---------------------------------------------------------------- threshold search
TH_GRID = [0.25, 0.35, 0.45, 0.55, 0.65]


TH_GRID_FINE = [round(0.05 * i, 2) for i in range(1, 17)]  # 0.05 .. 0.8, used once at export


def tune_event_thresholds(unit_probs, units, records, schema, max_span, grid=TH_GRID, rounds=1):
    """Coordinate search on dev: type threshold + argument threshold for AC, trigger threshold for TC."""
    th = {"type": 0.5, "trigger": 0.5, "argument": 0.5}
    best = None
    for _ in range(rounds):
        for key, metric in (("type", "AC"), ("argument", "AC"), ("trigger", "TC")):
            scored = []
            for v in grid:
                cand = dict(th, **{key: v})
                sc = event_scores(unit_probs, units, records, schema, cand, max_span)
                scored.append((sc[metric]["f1"], v, sc))
            f, v, sc = max(scored, key=lambda x: x[0])
            th[key] = v
            best = sc
    return th, event_scores(unit_probs, units, records, schema, th, max_span)


def tune_entity_threshold(clue_probs, clue_units, fin_probs, fin_units, fin_gold, max_span, n_types, grid=TH_GRID):
    best = None
    for v in grid:
        sc = entity_scores(clue_probs, clue_units, fin_probs, fin_units, fin_gold, v, max_span, n_types)
        if best is None or sc["mean_f1"] > best[1]["mean_f1"]:
            best = (v, sc)
    return best


def evaluate_all(forward, cache_dir, schema, max_span, thresholds=None, fine=False):
    """Run dev sets; if thresholds is None, tune them on dev (fine: finer grid, 2 rounds).
    Returns (thresholds, scores)."""
    grid, rounds = (TH_GRID_FINE, 2) if fine else (TH_GRID, 1)
    dev = pickle.load(open(os.path.join(cache_dir, "fewfc_dev.pkl"), "rb"))
    ent = pickle.load(open(os.path.join(cache_dir, "ent_dev.pkl"), "rb"))
    ev_probs = run_batches(forward, dev["units"])
    clue_probs = run_batches(forward, ent["cluener"])
    fin_probs = run_batches(forward, ent["finner"])
    E = len(schema.entity_types)
    if thresholds is None:
        th, ev = tune_event_thresholds(ev_probs, dev["units"], dev["records"], schema, max_span, grid, rounds)
        th["entity"], en = tune_entity_threshold(clue_probs, ent["cluener"], fin_probs, ent["finner"],
                                                 ent["finner_gold"], max_span["entity"], E, grid)
    else:
        th = thresholds
        ev = event_scores(ev_probs, dev["units"], dev["records"], schema, th, max_span)
        en = entity_scores(clue_probs, ent["cluener"], fin_probs, ent["finner"], ent["finner_gold"],
                           th["entity"], max_span["entity"], E)
    return th, {"fewfc_dev": ev, "entity_dev": en}


def onnx_forward(path, threads=2):
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    sess = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    names = [i.name for i in sess.get_inputs()]  # models before the knowledge channel lack kb_ids

    def fwd(batch):
        return sess.run(["type_logits", "trigger_logits", "argument_logits", "entity_logits"],
                        {k: batch[k] for k in names})
    return fwd


def main():
    from .config import parse_args
    from .schema import Schema
    ap = argparse.ArgumentParser()
    ap.add_argument("--onnx", default="model.onnx", help="file in model_dir")
    ap.add_argument("--retune", action="store_true", help="tune thresholds instead of using config.json's")
    ap.add_argument("--out", default=None, help="write scores JSON here")
    args, cfg = parse_args(ap)
    model_dir = cfg.path(cfg.model_dir)
    mc = json.load(open(os.path.join(model_dir, "config.json"), encoding="utf-8"))
    schema = Schema.load(cfg.path(cfg.schema_path))
    th = None if args.retune else mc["decode"]["thresholds"]
    th, scores = evaluate_all(onnx_forward(os.path.join(model_dir, args.onnx), cfg.threads),
                              cfg.prepared_path(), schema, mc["decode"]["maxSpan"], th)
    out = {"model": args.onnx, "thresholds": th, **scores}
    print(json.dumps(out, indent=1))
    if args.out:
        json.dump(out, open(args.out, "w"), indent=1)


if __name__ == "__main__":
    main()
