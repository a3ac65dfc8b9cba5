"""Move prepared data and checkpoints to and from a lent GPU machine, which holds only the repository and
takes at most 64 MiB along with it (files coming back: at most 16 MiB each).

  .venv/bin/python -m models.training.device_pack --config full --out .data/gpu            # pretraining data
  .venv/bin/python -m models.training.device_pack --config full --out .data/gpu_ft --finetune
  python3 -m models.training.device_pack --unpack .data/gpu_ft          # there: the finetuning pickles
  python3 -m models.training.device_pack --half CKPT OUT_CKPT           # there: float16 weights to send back

Pretraining data: prepare.py's pretrain.pkl (a pickled list of per-example arrays, ~160 MB) as flat arrays
(token ids uint16, word-position and POS tags uint8, entity/argument spans as row/start/end) in an .npz
compressed with xz (~23 MB), which pretrain_device.py reads. Finetuning data: the five pickles finetuning
and its dev evaluation read, xz-compressed (~7 MB). Both folders get a copy of prepare_meta.json.
"""
from __future__ import annotations

import argparse
import glob
import io
import lzma
import os
import pickle
import shutil

import numpy as np
import torch

from .config import parse_args

PACKED = "pretrain.npz.xz"
FINETUNE_FILES = ("fewfc_train.pkl", "fewfc_train_aug.pkl", "ent_train.pkl", "fewfc_dev.pkl", "ent_dev.pkl")


def pack(examples) -> dict[str, np.ndarray]:
    """Examples (ids, seg, pos, spans) -> flat arrays; spans refer to their example by row."""
    examples = [d for d in examples if len(d[0]) >= 2]  # as train.pretrain keeps them
    span_row = [r for r, d in enumerate(examples) for _ in d[3]]
    spans = np.array([s for d in examples for s in d[3]], dtype=np.int64).reshape(-1, 2)
    return {
        "lengths": np.array([len(d[0]) for d in examples], dtype=np.uint16),
        "ids": np.concatenate([d[0] for d in examples]).astype(np.uint16),
        "seg": np.concatenate([d[1] for d in examples]).astype(np.uint8),
        "pos": np.concatenate([d[2] for d in examples]).astype(np.uint8),
        "span_row": np.array(span_row, dtype=np.int32),
        "span_start": spans[:, 0].astype(np.uint16),
        "span_end": spans[:, 1].astype(np.uint16),
    }


def write_packed(arrays: dict[str, np.ndarray], path: str) -> None:
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    with open(path + ".tmp", "wb") as f:
        f.write(lzma.compress(buf.getvalue(), preset=6))
    os.replace(path + ".tmp", path)


def read_packed(path: str) -> dict[str, np.ndarray]:
    with open(path, "rb") as f:
        npz = np.load(io.BytesIO(lzma.decompress(f.read())))
        return {k: npz[k] for k in npz.files}


def unpack(folder: str) -> None:
    for path in glob.glob(os.path.join(folder, "*.pkl.xz")):
        with lzma.open(path) as src, open(path[:-3], "wb") as dst:
            shutil.copyfileobj(src, dst)


def half_weights(state_dict) -> dict:
    """float16 copies on the CPU: half the bytes to send back, within the 16 MiB a returned file may have."""
    return {k: v.detach().to("cpu", torch.float16) for k, v in state_dict.items()}


def half(src: str, dst: str) -> None:
    state = torch.load(src, map_location="cpu", weights_only=False)
    torch.save({**state, "model": half_weights(state["model"])}, dst)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=".data/gpu")
    ap.add_argument("--finetune", action="store_true", help="pack the finetuning pickles instead")
    ap.add_argument("--unpack", metavar="DIR", help="decompress the finetuning pickles packed in DIR")
    ap.add_argument("--half", nargs=2, metavar=("CKPT", "OUT"), help="write CKPT with float16 weights")
    args, cfg = parse_args(ap)
    if args.unpack:
        return unpack(args.unpack)
    if args.half:
        return half(*args.half)
    prepared = cfg.prepared_path()
    os.makedirs(args.out, exist_ok=True)
    shutil.copy(os.path.join(prepared, "prepare_meta.json"), args.out)
    if args.finetune:
        for name in FINETUNE_FILES:
            with open(os.path.join(prepared, name), "rb") as f:
                data = lzma.compress(f.read(), preset=6)
            with open(os.path.join(args.out, name + ".xz"), "wb") as f:
                f.write(data)
        print(f"{len(FINETUNE_FILES)} pickles -> {args.out}")
        return
    with open(os.path.join(prepared, "pretrain.pkl"), "rb") as f:
        arrays = pack(pickle.load(f))
    write_packed(arrays, os.path.join(args.out, PACKED))
    size = os.path.getsize(os.path.join(args.out, PACKED))
    print(f"{len(arrays['lengths'])} examples, {len(arrays['ids'])} tokens, {len(arrays['span_row'])} spans "
          f"-> {args.out}/{PACKED} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
