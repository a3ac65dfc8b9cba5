"""Export the best finetuned checkpoint to ONNX (fp32 + dynamic int8) with config.json and parity.json.

  .venv/bin/python -m models.training.export --config full

Checks PyTorch vs onnxruntime (fp32) max |delta logit| <= 1e-3 on hand-written sentences, writes
model.onnx, model.int8.onnx, config.json, parity.json (vocab.txt is written by prepare.py), and scores
both ONNX files on the dev sets (metrics.json).
"""
from __future__ import annotations

import argparse
import json
import os
import time

import numpy as np
import onnxruntime as ort
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic

from .batching import INPUTS, pad_batch
from .config import parse_args
from .evaluate import evaluate_all, onnx_forward
from .feature_contract import WORD_FEATURES_VERSION, check_versions
from .model import EncoderPart, FinKGEncoder, ModelConfig, PairHeadsPart, count_params
from .prepare import features_cli
from .schema import Schema
from .tokenizer import encode, load_vocab

OUTPUTS = ["type_logits", "trigger_logits", "argument_logits", "entity_logits"]
# Serving parts: the encoder (with type and entity heads), then trigger/argument heads for chosen
# (row, type) pairs only; together they equal model.onnx for every type they are asked about.
ENCODER_OUTPUTS = ["hidden", "type_logits", "entity_logits"]
PAIR_INPUTS = ["hidden", "pair_rows", "pair_types"]  # + "attention_mask" when the heads have blocks
PAIR_OUTPUTS = ["pair_trigger_logits", "pair_argument_logits"]
PART_FILES = {"encoder": "model.encoder.onnx", "pairHeads": "model.pair-heads.onnx"}


def int8_name(fp32_name: str) -> str:
    return fp32_name[: -len(".onnx")] + ".int8.onnx"


def export_parts(model, batch, model_dir):
    """Write the two int8 serving parts, after checking their fp32 graphs against the whole model."""
    enc_path, heads_path = (os.path.join(model_dir, f) for f in PART_FILES.values())
    dummy = tuple(torch.from_numpy(batch[k]) for k in INPUTS)
    torch.onnx.export(EncoderPart(model), dummy, enc_path, input_names=list(INPUTS), output_names=ENCODER_OUTPUTS,
                      dynamic_axes={k: {0: "batch", 1: "seq"} for k in [*INPUTS, *ENCODER_OUTPUTS]},
                      opset_version=17, do_constant_folding=True, dynamo=False)
    with torch.no_grad():
        hidden = EncoderPart(model)(*dummy)[0]
    rows, types = torch.tensor([0, 0, 1], dtype=torch.int64), torch.tensor([0, 3, 9], dtype=torch.int64)
    # The heads' own blocks attend over the sentence, so they need its padding mask; without blocks the
    # part keeps the three inputs older models have.
    with_mask = model.c.head_layers > 0
    pair_inputs = PAIR_INPUTS + ["attention_mask"] if with_mask else PAIR_INPUTS
    pair_args = (hidden, rows, types) + ((dummy[INPUTS.index("attention_mask")],) if with_mask else ())
    axes = {"hidden": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"}, "pair_rows": {0: "pairs"},
            "pair_types": {0: "pairs"}, "pair_trigger_logits": {0: "pairs", 1: "seq"},
            "pair_argument_logits": {0: "pairs", 1: "seq"}}
    torch.onnx.export(PairHeadsPart(model), pair_args, heads_path, input_names=pair_inputs,
                      output_names=PAIR_OUTPUTS, dynamic_axes={k: v for k, v in axes.items() if k in pair_inputs
                                                               or k in PAIR_OUTPUTS},
                      opset_version=17, do_constant_folding=True, dynamo=False)
    for path in (enc_path, heads_path):
        quantize_dynamic(path, os.path.join(model_dir, int8_name(os.path.basename(path))),
                         weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul", "Gemm"])
    # parity of the parts with the whole model, fp32, every (row, type) pair
    whole = ort.InferenceSession(os.path.join(model_dir, "model.onnx"), providers=["CPUExecutionProvider"])
    enc = ort.InferenceSession(enc_path, providers=["CPUExecutionProvider"])
    heads = ort.InferenceSession(heads_path, providers=["CPUExecutionProvider"])
    feeds = {k: batch[k] for k in INPUTS}
    type_l, trig, arg, ent = whole.run(OUTPUTS, feeds)
    h, type_p, ent_p = enc.run(ENCODER_OUTPUTS, feeds)
    B, T = type_l.shape
    pr = np.repeat(np.arange(B), T).astype(np.int64)
    pt = np.tile(np.arange(T), B).astype(np.int64)
    pair_feeds = {"hidden": h, "pair_rows": pr, "pair_types": pt, "attention_mask": batch["attention_mask"]}
    trig_p, arg_p = heads.run(PAIR_OUTPUTS, {k: pair_feeds[k] for k in pair_inputs})
    delta = max(float(np.abs(a - b).max()) for a, b in ((type_l, type_p), (ent, ent_p), (trig[pr, pt], trig_p),
                                                        (arg[pr, pt], arg_p)))
    print(f"parts vs whole model (fp32 onnxruntime): max |delta logit| = {delta:.2e}")
    assert delta <= 1e-4, "serving parts differ from the whole model"
    # Only int8 is served in parts (fp32 runs model.onnx): keep the repository lean.
    for path in (enc_path, heads_path):
        os.remove(path)

# Hand-written (not from any dataset) sentences for the parity golden file.
PARITY_SENTENCES = [
    "2019年3月5日，华夏科技股份有限公司控股股东张伟将其持有的1200万股质押给中信证券。",
    "ＡＢＣ集团以３．５亿元收购了星河电子51%的股权。",
    "公司中标某市轨道交通项目，中标金额约2.3亿元 😀",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip_eval", action="store_true")
    args, cfg = parse_args(ap)
    torch.set_num_threads(cfg.threads)
    cache, model_dir = cfg.path(cfg.cache_dir), cfg.path(cfg.model_dir)
    schema = Schema.load(cfg.path(cfg.schema_path))
    prepared_meta = json.load(open(os.path.join(cfg.prepared_path(), "prepare_meta.json")))
    check_versions(f"{cfg.prepared_path()}/prepare_meta.json", prepared_meta["features_version"],
                   prepared_meta["knowledge_version"])
    st = torch.load(cfg.ckpt_path("finetune_best.pt"), weights_only=False)
    mc = ModelConfig(**st["model_config"])
    model = FinKGEncoder(mc)
    model.load_state_dict(st["model"])
    model.eval()

    # 1. ONNX fp32
    vocab = load_vocab(os.path.join(model_dir, "vocab.txt"))
    # Knowledge marks from the training names, as `finkg eval` gives them.
    feats, meta = features_cli(PARITY_SENTENCES, cache, knowledge_dir=cfg.path(cfg.data_dir))
    units = [{"ids": np.array(encode(s, vocab)), "seg": f[0], "pos": f[1], "kb": f[2]}
             for s, f in zip(PARITY_SENTENCES, feats)]
    batch = pad_batch(units)
    fp32 = os.path.join(model_dir, "model.onnx")
    dyn = {k: {0: "batch", 1: "seq"} for k in [*INPUTS, *OUTPUTS]}
    dummy = tuple(torch.from_numpy(batch[k]) for k in INPUTS)
    torch.onnx.export(model, dummy, fp32, input_names=list(INPUTS), output_names=OUTPUTS, dynamic_axes=dyn,
                      opset_version=17, do_constant_folding=True, dynamo=False)

    # 2. parity: PyTorch vs onnxruntime, on the padded batch and on each sentence alone
    sess = ort.InferenceSession(fp32, providers=["CPUExecutionProvider"])
    max_delta = 0.0
    golden = []
    for b in [batch] + [pad_batch([u]) for u in units]:
        with torch.no_grad():
            ref = [o.numpy() for o in model(*(torch.from_numpy(b[k]) for k in INPUTS))]
        got = sess.run(OUTPUTS, {k: b[k] for k in INPUTS})
        for r, g in zip(ref, got):
            # padded positions are don't-care; compare real positions only
            max_delta = max(max_delta, float(np.abs(r - g).max()))
    for s, u in zip(PARITY_SENTENCES, units):
        b = pad_batch([u])
        got = sess.run(OUTPUTS, {k: b[k] for k in INPUTS})
        golden.append({"text": s, **{k: b[k][0].tolist() for k in INPUTS},
                       **{k: np.round(v[0], 6).tolist() for k, v in zip(OUTPUTS, got)}})
    print(f"parity PyTorch vs onnxruntime fp32: max |delta logit| = {max_delta:.2e}")
    assert max_delta <= 1e-3, "ONNX parity check failed"

    export_parts(model, batch, model_dir)

    # 3. int8 dynamic quantisation (weights QInt8, MatMul/Gemm)
    int8 = os.path.join(model_dir, "model.int8.onnx")
    quantize_dynamic(fp32, int8, weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul", "Gemm"])
    sess8 = ort.InferenceSession(int8, providers=["CPUExecutionProvider"])
    d8 = max(float(np.abs(r - g).max()) for r, g in zip(sess.run(OUTPUTS, {k: batch[k] for k in INPUTS}),
                                                         sess8.run(OUTPUTS, {k: batch[k] for k in INPUTS})))
    print(f"int8 vs fp32 max |delta logit| = {d8:.3f}; sizes fp32 {os.path.getsize(fp32) / 1e6:.1f} MB, "
          f"int8 {os.path.getsize(int8) / 1e6:.1f} MB")

    # 4. decode thresholds: re-tuned on dev (finer grid than the in-training search) with the fp32 ONNX
    #    model; the int8 model is then scored with the same thresholds.
    th = st["thresholds"]
    if not args.skip_eval:
        th, _ = evaluate_all(onnx_forward(fp32, cfg.threads), cfg.prepared_path(), schema, cfg.max_span, None,
                             fine=True)
        print(f"thresholds (fine dev search): {th}  (in-training search gave {st['thresholds']})")
    decode_thresholds = th if cfg.triggerless_type_threshold is None else \
        {**th, "triggerlessType": cfg.triggerless_type_threshold}

    # 5. config.json
    # Stages: pretraining and finetuning in the prepared (full) cache; a later stage (knowledge) in its own.
    stages = {"pretrain": _read_json(os.path.join(cfg.prepared_path(), "pretrain_summary.json")),
              "finetune": _read_json(os.path.join(cfg.prepared_path(), "finetune_summary.json"))}
    if cache != cfg.prepared_path():
        stages[cfg.name] = _read_json(os.path.join(cache, "finetune_summary.json"))
    conf = {
        "modelVersion": cfg.model_version,
        "trainConfig": cfg.name,
        "vocabFile": "vocab.txt",
        "vocabSize": mc.vocab_size,
        "specialTokens": {"[PAD]": 0, "[UNK]": 1, "[MASK]": 2},
        "maxLen": mc.max_len,
        "paramCount": count_params(model),
        "inputs": list(INPUTS),
        "outputs": OUTPUTS,
        "parts": {"files": {k: int8_name(v) for k, v in PART_FILES.items()},
                  "encoderOutputs": ENCODER_OUTPUTS, "pairHeadsInputs": PAIR_INPUTS,
                  "pairHeadsOutputs": PAIR_OUTPUTS},
        "labels": {
            "eventTypes": schema.event_types,
            "eventTypeKeys": schema.event_keys,
            "roles": schema.roles,
            "validRoles": {t: rs for t, rs in zip(schema.event_types, schema.valid_roles)},
            "entityTypes": schema.entity_types,
            # Types no trigger-annotated dataset (FewFC) labels: serving places their events at an argument.
            "triggerlessTypes": [t for t, d in zip(schema.event_types, schema.trained_on) if "fewfc" not in d],
        },
        # The feature contract (feature_contract.py): serving refuses a model whose versions differ from its own.
        "features": {"version": WORD_FEATURES_VERSION, "seg": {"pad": 0, "B": 1, "M": 2, "E": 3, "S": 4},
                     "posTags": meta["posTags"], "posIdOffset": 2, "posPad": 0, "posUnknown": 1,
                     "knowledge": {**meta["knowledge"], "kinds": ["org", "person"], "pad": 0, "none": 1,
                                   "ids": "2 + 3 * kindIndex + (0 B, 1 M, 2 E)",
                                   "enabled": mc.use_knowledge}},
        "decode": {"activation": "sigmoid",
                   "thresholds": decode_thresholds,
                   "maxSpan": cfg.max_span,
                   "pairing": "each start >= threshold pairs with the nearest end >= threshold at or after it, "
                              "if end - start + 1 <= maxSpan; triggers/arguments of a type are read only if "
                              "sigmoid(type_logits) >= thresholds.type"},
        "training": {"bestStep": st["step"],
                     **{k: {f: v for f, v in (s or {}).items() if f not in ("best", "evals")}
                        for k, s in stages.items()},
                     "devAtBest": st["scores"]},
        "exported": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    with open(os.path.join(model_dir, "config.json"), "w", encoding="utf-8") as f:
        json.dump(conf, f, ensure_ascii=False, indent=1)
    # The weights beside the graphs, half precision with their label orders: a later finetuning starts here
    # (init_ckpt), with more types or roles if the schema has grown (train.widen_label_rows). The masked-LM
    # head is left out: finetuning never reads it.
    weights = {k: v.half() for k, v in model.state_dict().items() if not k.startswith("mlm_")}
    torch.save({"model": weights, "model_config": mc.__dict__,
                "labels": {"eventTypes": schema.event_types, "roles": schema.roles,
                           "entityTypes": schema.entity_types}, "version": cfg.model_version},
               os.path.join(model_dir, "weights.pt"))
    with open(os.path.join(model_dir, "parity.json"), "w", encoding="utf-8") as f:
        json.dump({"model": "model.onnx", "tolerance": 1e-3, "note": "fp32 onnxruntime (Python) logits, "
                   "one sentence per entry, batch of 1, no padding", "cases": golden}, f, ensure_ascii=False)

    # 6. dev scores for both files with the thresholds chosen on dev during training
    if not args.skip_eval:
        metrics = {}
        for name in ("model.onnx", "model.int8.onnx"):
            t0 = time.time()
            _, sc = evaluate_all(onnx_forward(os.path.join(model_dir, name), cfg.threads), cfg.prepared_path(),
                                 schema, cfg.max_span, th)
            metrics[name] = sc
            ev = sc["fewfc_dev"]
            print(f"{name}: TI {ev['TI']['f1']:.1f} TC {ev['TC']['f1']:.1f} AI {ev['AI']['f1']:.1f} "
                  f"AC {ev['AC']['f1']:.1f} | entity mean F1 {sc['entity_dev']['mean_f1']:.1f} "
                  f"({time.time() - t0:.0f}s)")
        with open(os.path.join(model_dir, "metrics.json"), "w") as f:
            json.dump({"thresholds": th, **metrics}, f, indent=1)


def _read_json(p):
    return json.load(open(p)) if os.path.exists(p) else None


if __name__ == "__main__":
    main()
