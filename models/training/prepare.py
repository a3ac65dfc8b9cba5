"""Read the datasets, build the char vocab, get jieba features from the TS CLI, cache tensors.

  .venv/bin/python -m models.training.prepare --config full [--data_dir=../shared/data]

Writes <cache_dir>/{pretrain,fewfc_train,fewfc_dev,ent_train,ent_dev}.pkl and <model_dir>/vocab.txt.
Features come from `node dist/src/cli/main.js features` (run `npm run build` first) so training and
serving share one implementation.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import pickle
import random
import re
import shutil
import subprocess
import time

import numpy as np

from .augment import augment_fewfc
from .batching import KB_NONE
from .config import ROOT, parse_args
from .feature_contract import check_versions
from .schema import Schema
from .team_events import load_pseudo_events, load_team_events
from .tokenizer import SPECIAL_TOKENS, encode, load_vocab, normalize_text, save_vocab

# Unified entity types: CLUENER / FinNER labels -> schema entityTypes.
CLUENER_MAP = {"company": "company", "name": "person", "organization": "organization",
               "government": "government", "position": "position", "address": "location",
               "scene": "location", "book": "work", "game": "work", "movie": "work"}
FINNER_MAP = {"公司": "company", "人物": "person", "其他机构": "organization", "政府机构": "government",
              "头衔/职务": "position", "国家/地区": "location", "地址": "location", "产品": "product",
              "行业/领域": "industry", "政策/文件": "policy", "会议": "meeting"}


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def windows(n: int, max_len: int):
    """Non-overlapping [start, end) windows covering n code points."""
    return [(s, min(n, s + max_len)) for s in range(0, max(n, 1), max_len)]


def split_sentences(text: str, max_len: int):
    """Greedy-pack sentences into chunks of <= max_len code points (for corpus pretraining)."""
    parts = [p for p in re.split(r"(?<=[。！？!?；;\n])", text) if p]
    chunks, cur = [], ""
    for p in parts:
        while len(p) > max_len:
            if cur:
                chunks.append(cur)
                cur = ""
            chunks.append(p[:max_len])
            p = p[max_len:]
        if len(cur) + len(p) > max_len:
            chunks.append(cur)
            cur = p
        else:
            cur += p
    if cur:
        chunks.append(cur)
    return [c for c in chunks if len(c.strip()) >= 8]


def load_fewfc(path, schema: Schema, max_len: int, limit=None):
    """FewFC units: text window + events [(type, trig_s, trig_e, [(role, s, e)])], end-exclusive.
    `rec` is the record's line index (its knowledge fold is rec % folds)."""
    recs = read_jsonl(path)[:limit]
    units = []
    for i, r in enumerate(recs):
        text = r["content"]
        for ws, we in windows(len(text), max_len):
            evs = []
            for ev in r.get("events", []):
                t = schema.type_index.get(ev["type"])
                if t is None:
                    continue
                ts, te = ev["trigger"]["span"]
                trig = (ts - ws, te - ws) if ws <= ts and te <= we else None
                args = []
                for role, lst in ev.get("args", {}).items():
                    ri = schema.role_index[role]
                    for a in lst:
                        s, e = a["span"]
                        if ws <= s and e <= we:
                            args.append((ri, s - ws, e - ws))
                evs.append((t, trig, args))
            units.append({"doc": r["id"], "rec": i, "offset": ws, "text": text[ws:we], "events": evs})
    return recs, units


def load_cluener(path, schema: Schema, seed: int, holdout: float, limit=None, limit_dev=None):
    recs = read_jsonl(path)
    rng = random.Random(seed)
    idx = list(range(len(recs)))
    rng.shuffle(idx)
    n_dev = int(len(recs) * holdout)
    dev_idx, train_idx = sorted(idx[:n_dev]), sorted(idx[n_dev:])
    mask = schema.entity_mask([CLUENER_MAP[k] for k in CLUENER_MAP])

    def conv(i):
        r = recs[i]
        spans = []
        for lab, ents in r.get("label", {}).items():
            et = schema.entity_index[CLUENER_MAP[lab]]
            for _, offs in ents.items():
                for s, e in offs:  # inclusive end in CLUENER
                    spans.append((et, s, e + 1))
        return {"doc": f"cluener-{i}", "offset": 0, "text": r["text"], "spans": spans, "ent_mask": mask,
                "source": "cluener"}

    return [conv(i) for i in train_idx][:limit], [conv(i) for i in dev_idx][:limit_dev]


def project(text: str, mention: str):
    """All non-overlapping occurrences of mention in text, as [start, end)."""
    out, start = [], 0
    while mention:
        i = text.find(mention, start)
        if i < 0:
            break
        out.append((i, i + len(mention)))
        start = i + len(mention)
    return out


def load_finner(path, schema: Schema, max_len: int, prefix: str, limit=None):
    """FinNER units (windows) with labels projected onto the text; also the gold (string, type) sets."""
    recs = json.load(open(path, encoding="utf-8"))[:limit]
    mask = schema.entity_mask(list(FINNER_MAP.values()))
    units, gold = [], []
    for i, r in enumerate(recs):
        text = r["text"]
        labs = set()
        spans = []
        for lab in r.get("labels", []):
            if ":" not in lab:
                continue
            m, t = lab.rsplit(":", 1)
            if t not in FINNER_MAP:
                continue
            et = schema.entity_index[FINNER_MAP[t]]
            labs.add((m, et))
            spans += [(et, s, e) for s, e in project(text, m)]
        gold.append(sorted(labs))
        for ws, we in windows(len(text), max_len):
            sp = [(et, s - ws, e - ws) for et, s, e in spans if ws <= s and e <= we]
            units.append({"doc": f"{prefix}-{i}", "rec": i, "offset": ws, "text": text[ws:we], "spans": sp,
                          "ent_mask": mask, "source": "finner"})
    return units, gold


def load_extra_text(data_dir, limit=None):
    """FinESE (with its subject company as a span) and FinRE train sentences, for pretraining only."""
    out = []
    p = os.path.join(data_dir, "finese", "train_list.json")
    if os.path.exists(p):
        for row in json.load(open(p, encoding="utf-8"))[:limit]:
            text, subj = row[1], row[3] if len(row) > 3 else ""
            out.append((text, project(text, subj) if isinstance(subj, str) else []))
    p = os.path.join(data_dir, "finre", "train.txt")
    if os.path.exists(p):
        n = 0
        for line in open(p, encoding="utf-8"):
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) >= 4:
                out.append((cols[3], project(cols[3], cols[0]) + project(cols[3], cols[1])))
                n += 1
                if limit and n >= limit:
                    break
    return out


def load_corpus(data_dir, max_chars, chunk_len):
    chunks, total = [], 0
    files = sorted(f for f in os.listdir(os.path.join(data_dir, "corpus")) if f.endswith(".jsonl"))
    texts = []
    for fn in files:
        with open(os.path.join(data_dir, "corpus", fn), encoding="utf-8") as f:
            for line in f:
                texts.append(json.loads(line)["text"])
    for t in texts:
        if max_chars is not None and total >= max_chars:
            break
        for c in split_sentences(t, chunk_len):
            chunks.append(c)
            total += len(c)
    return texts, chunks


def build_vocab(texts, min_freq, cap):
    cnt = collections.Counter()
    for t in texts:
        cnt.update(normalize_text(t))
    chars = [c for c, n in cnt.most_common() if n >= min_freq and c not in ("\n", "\r")]
    return SPECIAL_TOKENS + chars[: cap - len(SPECIAL_TOKENS)]


def features_cli(texts, workdir, knowledge_dir=None, folds=None):
    """Run `finkg features` on texts; returns [(seg, pos)] (or [(seg, pos, kb)] with knowledge_dir, the
    datasets folder the training gazetteer is read from; folds[i] is the fold text i leaves out, None for
    none) and the feature meta (POS tag list, knowledge definition), after checking its versions against
    the feature contract."""
    inp, out, meta = (os.path.join(workdir, n) for n in ("feat_in.jsonl", "feat_out.jsonl", "feat_meta.json"))
    with open(inp, "w", encoding="utf-8") as f:
        for i, t in enumerate(texts):
            rec = {"id": i, "text": t}
            if folds is not None and folds[i] is not None:
                rec["fold"] = folds[i]
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    main_js = os.path.join(ROOT, "dist", "src", "cli", "main.js")
    extra = ["--knowledge", knowledge_dir] if knowledge_dir else []
    cmd = ["node", main_js, "features", inp, out, "--meta", meta, *extra]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"`finkg features` failed (run `npm run build` first):\n{r.stderr.strip()[-2000:]}")
    feats = [None] * len(texts)
    with open(out, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            f_ = (np.array(r["seg"], dtype=np.int8), np.array(r["pos"], dtype=np.int8))
            feats[r["id"]] = f_ + (np.array(r["kb"], dtype=np.int8),) if "kb" in r else f_
    assert all(x is not None and len(x[0]) == len(t) for x, t in zip(feats, texts))
    os.remove(inp)
    os.remove(out)
    meta = json.load(open(meta, encoding="utf-8"))
    check_versions("`finkg features`", meta["version"], meta.get("knowledge", {}).get("version"))
    return feats, meta


def add_knowledge(cache, data_dir):
    """Mark the labelled units' known names (the knowledge channel) through `finkg features --knowledge`.

    Training units leave out the names of their own record's fold (FewFC and FinNER train: record index %
    folds); CLUENER and dev units are marked with every training name. Runs on a finished prepare cache too.
    """
    def load(name):
        return pickle.load(open(os.path.join(cache, name), "rb"))

    fewfc_train, fewfc_dev, ent_train, ent_dev = (load(n) for n in (
        "fewfc_train.pkl", "fewfc_dev.pkl", "ent_train.pkl", "ent_dev.pkl"))
    meta = json.load(open(os.path.join(cache, "prepare_meta.json")))

    team_path = os.path.join(cache, "team_train.pkl")
    team_train = load("team_train.pkl") if os.path.exists(team_path) else []
    groups = [fewfc_train, fewfc_dev["units"], ent_train, ent_dev["cluener"], ent_dev["finner"], team_train]
    units = [u for g in groups for u in g]
    # The fold count is the TS side's (KNOWLEDGE_FOLDS); ask it with no texts first.
    meta_k = features_cli([], cache, knowledge_dir=data_dir)[1]["knowledge"]
    train_ids = {id(u) for u in fewfc_train + ent_train}
    folds = [u["rec"] % meta_k["folds"] if id(u) in train_ids and "rec" in u else None for u in units]
    feats, _ = features_cli([u["text"] for u in units], cache, knowledge_dir=data_dir, folds=folds)
    for u, f in zip(units, feats):
        u["kb"] = f[2]
    for name, obj in (("fewfc_train.pkl", fewfc_train), ("fewfc_dev.pkl", fewfc_dev), ("ent_train.pkl", ent_train),
                      ("ent_dev.pkl", ent_dev)) + ((("team_train.pkl", team_train),) if team_train else ()):
        with open(os.path.join(cache, name), "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
    meta.update(kb_vocab=meta_k["vocab"], knowledge_version=meta_k["version"])
    with open(os.path.join(cache, "prepare_meta.json"), "w") as fh:
        json.dump(meta, fh, indent=1)
    marked = sum(int((u["kb"] > 1).any()) for u in units)
    print(f"knowledge marks: {marked} of {len(units)} units have a known name")


def add_augmented(cache, data_dir, schema: Schema, cfg):
    """Mention-replaced copies of the FewFC train units (augment.py) with their features and knowledge marks,
    written to fewfc_train_aug.pkl as a list aligned with fewfc_train.pkl. Runs on a finished cache too."""
    fewfc_train = pickle.load(open(os.path.join(cache, "fewfc_train.pkl"), "rb"))
    ent_train = pickle.load(open(os.path.join(cache, "ent_train.pkl"), "rb"))
    copies, pools = augment_fewfc(fewfc_train, ent_train, schema, cfg.path(cfg.schema_path), cfg.augment_copies,
                                  cfg.seed, cfg.max_len)
    flat = [c for cs in copies for c in cs]
    n_folds = features_cli([], cache, knowledge_dir=data_dir)[1]["knowledge"]["folds"]
    folds = [c["rec"] % n_folds for c in flat]
    feats, _ = features_cli([c["text"] for c in flat], cache, knowledge_dir=data_dir, folds=folds)
    vocab = load_vocab(cfg.path(os.path.join(cfg.model_dir, "vocab.txt")))
    rng = random.Random(cfg.seed)
    for c, f in zip(flat, feats):
        c["ids"] = np.array(encode(c["text"], vocab), dtype=np.int32)
        c["seg"], c["pos"], c["kb"] = f
        # Swapped-in names come from the training names, so they are marked more often than real parties (86 %
        # against 60 %); unmarking some keeps the model's trust in a mark where it was.
        for s, e in c.pop("replaced"):
            if rng.random() < cfg.augment_unmark:
                c["kb"][s:e] = KB_NONE
    with open(os.path.join(cache, "fewfc_train_aug.pkl"), "wb") as fh:
        pickle.dump(copies, fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"mention replacement: {len(flat)} copies of {sum(1 for c in copies if c)} of {len(copies)} FewFC train "
          f"units (name pools: {pools})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--force", action="store_true", help="rebuild even if the cache exists")
    ap.add_argument("--knowledge-only", action="store_true",
                    help="only (re)mark known names in an existing cache")
    ap.add_argument("--augment-only", action="store_true",
                    help="only (re)build the mention-replaced FewFC copies of an existing cache")
    args, cfg = parse_args(ap)
    data_dir = cfg.path(cfg.data_dir)
    cache = cfg.path(cfg.cache_dir)
    model_dir = cfg.path(cfg.model_dir)
    if args.knowledge_only:
        add_knowledge(cache, data_dir)
        return
    if args.augment_only:
        add_augmented(cache, data_dir, Schema.load(cfg.path(cfg.schema_path)), cfg)
        return
    if not args.force and os.path.exists(os.path.join(cache, "prepare_meta.json")) and \
            os.path.exists(os.path.join(model_dir, "vocab.txt")):
        print(f"prepare: cache {cache} exists; skipping (use --force to rebuild)")
        return
    os.makedirs(cache, exist_ok=True)
    os.makedirs(model_dir, exist_ok=True)
    schema = Schema.load(cfg.path(cfg.schema_path))
    t0 = time.time()

    L = cfg.max_len
    _, fewfc_train = load_fewfc(os.path.join(data_dir, "fewfc", "train.json"), schema, L, cfg.limit_train)
    dev_recs, fewfc_dev = load_fewfc(os.path.join(data_dir, "fewfc", "dev.json"), schema, L, cfg.limit_dev)
    clue_train, clue_dev = load_cluener(os.path.join(data_dir, "cluener2020", "train.json"), schema, cfg.seed,
                                        cfg.cluener_holdout, cfg.limit_train, cfg.limit_dev)
    fin_train, _ = load_finner(os.path.join(data_dir, "finner-bbt", "train_list.json"), schema, L, "finner",
                               cfg.limit_train)
    fin_dev, fin_dev_gold = load_finner(os.path.join(data_dir, "finner-bbt", "eval_list.json"), schema, L,
                                        "finner-eval", cfg.limit_dev)
    team_train, skipped = load_team_events(cfg.path(cfg.team_events), data_dir, schema, L) \
        if cfg.team_events else ([], 0)
    pseudo_train, pseudo_skipped = load_pseudo_events(cfg, data_dir, schema, L)
    team_train, skipped = team_train + pseudo_train, skipped + pseudo_skipped
    extra = load_extra_text(data_dir, cfg.limit_train)
    # A finetuning from a trained model's vocabulary needs no pretraining text.
    corpus_all, corpus_chunks = load_corpus(data_dir, cfg.corpus_max_chars, cfg.pretrain_len) \
        if cfg.corpus_max_chars != 0 else ([], [])
    print(f"loaded: fewfc {len(fewfc_train)}/{len(fewfc_dev)} units, cluener {len(clue_train)}/{len(clue_dev)}, "
          f"finner {len(fin_train)}/{len(fin_dev)}, team {len(team_train)} ({len(pseudo_train)} pseudo-labelled; {skipped} arguments off their text), "
          f"extra {len(extra)}, corpus chunks {len(corpus_chunks)} ({sum(map(len, corpus_chunks))} chars) "
          f"[{time.time() - t0:.0f}s]")

    if cfg.vocab_file:
        shutil.copyfile(cfg.path(cfg.vocab_file), os.path.join(model_dir, "vocab.txt"))
    else:  # vocab from train text + the corpus (tiny: only what it loads)
        vocab_texts = [u["text"] for u in fewfc_train + clue_train + fin_train] + [t for t, _ in extra]
        vocab_texts += corpus_all if cfg.corpus_max_chars is None or cfg.limit_train is None else corpus_chunks
        tokens = build_vocab(vocab_texts, cfg.vocab_min_freq, cfg.vocab_cap)
        save_vocab(tokens, os.path.join(model_dir, "vocab.txt"))
    vocab = load_vocab(os.path.join(model_dir, "vocab.txt"))
    print(f"vocab {len(vocab)} tokens [{time.time() - t0:.0f}s]")

    # One features call for every text unit.
    labelled = fewfc_train + fewfc_dev + clue_train + clue_dev + fin_train + fin_dev + team_train
    texts = [u["text"] for u in labelled] + [t for t, _ in extra] + corpus_chunks
    feats, meta = features_cli(texts, cache)
    print(f"features for {len(texts)} texts [{time.time() - t0:.0f}s]")

    def encode_unit(text, feat):
        ids = np.array([vocab.get(c, 1) for c in normalize_text(text)], dtype=np.int32)
        return ids, feat[0], feat[1]

    for u, f in zip(labelled, feats[: len(labelled)]):
        u["ids"], u["seg"], u["pos"] = encode_unit(u["text"], f)

    # Pretraining examples: train-split dataset text (with spans for entity-knowledge masking) + corpus.
    pre = []
    for u in fewfc_train:
        sp = [tr for _, tr, _ in u["events"] if tr] + [(s, e) for _, _, args in u["events"] for _, s, e in args]
        pre.append((u["ids"], u["seg"], u["pos"], sp))
    for u in clue_train + fin_train:
        pre.append((u["ids"], u["seg"], u["pos"], [(s, e) for _, s, e in u["spans"]]))
    k = len(labelled)
    for (t, sp), f in zip(extra, feats[k: k + len(extra)]):
        if len(t) > L:
            t, f, sp = t[:L], (f[0][:L], f[1][:L]), [x for x in sp if x[1] <= L]
        ids, seg, pos = encode_unit(t, f)
        pre.append((ids, seg, pos, sp))
    k += len(extra)
    for t, f in zip(corpus_chunks, feats[k:]):
        ids, seg, pos = encode_unit(t, f)
        pre.append((ids, seg, pos, []))

    def dump(name, obj):
        with open(os.path.join(cache, name), "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)

    dump("pretrain.pkl", pre)
    dump("fewfc_train.pkl", fewfc_train)
    dump("fewfc_dev.pkl", {"units": fewfc_dev, "records": dev_recs[: len(dev_recs)]})
    dump("ent_train.pkl", clue_train + fin_train)
    dump("ent_dev.pkl", {"cluener": clue_dev, "finner": fin_dev, "finner_gold": fin_dev_gold})
    if team_train:
        dump("team_train.pkl", team_train)
    with open(os.path.join(cache, "prepare_meta.json"), "w") as fh:
        json.dump({"vocab_size": len(vocab), "pos_tags": meta["posTags"], "features_version": meta["version"],
                   "n_pretrain": len(pre), "pretrain_tokens": int(sum(len(p[0]) for p in pre))}, fh, indent=1)
    add_knowledge(cache, data_dir)
    if cfg.augment_copies:
        add_augmented(cache, data_dir, schema, cfg)
    print(f"prepare done: {len(pre)} pretraining examples, {sum(len(p[0]) for p in pre)} tokens "
          f"[{time.time() - t0:.0f}s]")


if __name__ == "__main__":
    main()
