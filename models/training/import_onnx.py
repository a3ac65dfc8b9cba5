"""Recover a model's PyTorch weights from its fp32 ONNX graph (model.onnx), checked against parity.json.

  .venv/bin/python -m models.training.import_onnx models/finkg-small [--out models/finkg-small/weights.pt]

The exporter keeps parameter names for biases, norms and embeddings but folds each Linear weight into an
anonymous, transposed MatMul constant; each such constant is named here by the bias added to its product.
The masked-LM head is not in the graph (serving never runs it): finetuning does not need it.
"""
from __future__ import annotations

import argparse
import json
import os

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from .model import FinKGEncoder, ModelConfig


def onnx_state_dict(path: str) -> dict[str, torch.Tensor]:
    graph = onnx.load(path).graph
    consts = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    state = {k: v for k, v in consts.items() if not k.startswith("onnx::")}
    adds_by_input = {}
    for node in graph.node:
        if node.op_type == "Add":
            for name in node.input:
                adds_by_input.setdefault(name, []).append(node)
    for node in graph.node:
        if node.op_type != "MatMul" or not node.input[1].startswith("onnx::MatMul"):
            continue
        biases = [i for add in adds_by_input.get(node.output[0], []) for i in add.input
                  if i.endswith(".bias") and i in consts]
        if len(biases) != 1:
            raise ValueError(f"cannot tell whose weight {node.input[1]} is (biases {biases})")
        state[biases[0][: -len(".bias")] + ".weight"] = consts[node.input[1]].T.copy()
    return {k: torch.from_numpy(np.array(v)) for k, v in state.items()}


def model_config_of(state: dict[str, torch.Tensor], n_head: int) -> ModelConfig:
    """The architecture, read off the tensors' shapes (the head count is not visible in them)."""
    d_model = state["tok.weight"].shape[1]
    return ModelConfig(vocab_size=state["tok.weight"].shape[0], n_seg=state["seg.weight"].shape[0],
                       n_pos=state["tag.weight"].shape[0], n_kb=state["kb.weight"].shape[0],
                       n_layer=len({k.split(".")[1] for k in state if k.startswith("blocks.")}),
                       d_model=d_model, n_head=n_head, d_ff=state["blocks.0.ff1.bias"].shape[0],
                       max_len=state["posi.weight"].shape[0], n_types=state["type_head.bias"].shape[0],
                       n_roles=state["argument_head.bias"].shape[0] // 2,
                       n_entities=state["entity_head.bias"].shape[0] // 2,
                       head_layers=len({k.split(".")[1] for k in state if k.startswith("cond_blocks.")}))


def check_parity(model: FinKGEncoder, model_dir: str) -> float:
    """Largest |delta logit| between the recovered PyTorch model and parity.json's onnxruntime logits."""
    parity = json.load(open(os.path.join(model_dir, "parity.json"), encoding="utf-8"))
    worst = 0.0
    model.eval()
    for case in parity["cases"]:
        inputs = [torch.tensor([case[k]], dtype=torch.int64)
                  for k in ("input_ids", "attention_mask", "seg_ids", "pos_ids", "kb_ids")]
        with torch.no_grad():
            out = model(*inputs)
        for name, got in zip(("type_logits", "trigger_logits", "argument_logits", "entity_logits"), out):
            if name in case:
                worst = max(worst, float(np.abs(got.numpy()[0] - np.array(case[name])).max()))
    return worst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir")
    ap.add_argument("--out", default=None, help="default <model_dir>/weights.pt")
    ap.add_argument("--n_head", type=int, default=4)
    args = ap.parse_args()
    state = onnx_state_dict(os.path.join(args.model_dir, "model.onnx"))
    mc = model_config_of(state, args.n_head)
    model = FinKGEncoder(mc)
    missing, unexpected = model.load_state_dict(state, strict=False)
    if unexpected or any(not k.startswith("mlm_") for k in missing):
        raise SystemExit(f"graph does not fit the model: missing {missing}, unexpected {unexpected}")
    worst = check_parity(model, args.model_dir)
    tol = json.load(open(os.path.join(args.model_dir, "parity.json")))["tolerance"]
    print(f"recovered {len(state)} tensors; max |delta logit| vs parity.json {worst:.2e} (tolerance {tol})")
    if worst > tol:
        raise SystemExit("recovered weights do not reproduce the ONNX logits")
    out = args.out or os.path.join(args.model_dir, "weights.pt")
    config = json.load(open(os.path.join(args.model_dir, "config.json"), encoding="utf-8"))
    # The label orders travel with the weights: a finetuning with more types or roles maps rows by name.
    labels = {k: config["labels"][k] for k in ("eventTypes", "roles", "entityTypes")}
    torch.save({"model": {k: v.half() for k, v in state.items()}, "model_config": mc.__dict__, "labels": labels,
                "version": config["modelVersion"], "source": "model.onnx"}, out)
    print(f"wrote {out} ({os.path.getsize(out) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
