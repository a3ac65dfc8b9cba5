"""Export a BERT-base-shaped encoder (random weights) to ONNX, fp32 and int8, for bench/model-speed.ts.

Run:  .venv/bin/python bench/make_bert_base_onnx.py            # writes bench/out/bert-base.{fp32,int8}.onnx
      .venv/bin/python bench/make_bert_base_onnx.py --out DIR

Shape: 12 layers, hidden 768, 12 heads, feed-forward 3072, vocab 21128 (bert-base-chinese), 512 positions.
Only the compute shape matters for speed, so the weights are random and no checkpoint is downloaded.
Inputs: input_ids, attention_mask (int64 [B, L], dynamic). Output: token_logits [B, L, 2] (a thin head so the
graph ends like a token tagger, as ours does).
"""

import argparse
import math
from pathlib import Path

import torch
from torch import nn

VOCAB = 21128
HIDDEN = 768
LAYERS = 12
HEADS = 12
FF = 3072
MAX_POS = 512


class SelfAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.qkv = nn.Linear(HIDDEN, 3 * HIDDEN)
        self.out = nn.Linear(HIDDEN, HIDDEN)

    def forward(self, x, bias):
        b, l, _ = x.shape
        q, k, v = self.qkv(x).view(b, l, 3, HEADS, HIDDEN // HEADS).permute(2, 0, 3, 1, 4)
        scores = q @ k.transpose(-1, -2) / math.sqrt(HIDDEN // HEADS) + bias
        ctx = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, l, HIDDEN)
        return self.out(ctx)


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.attn = SelfAttention()
        self.ln1 = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.ff = nn.Sequential(nn.Linear(HIDDEN, FF), nn.GELU(), nn.Linear(FF, HIDDEN))
        self.ln2 = nn.LayerNorm(HIDDEN, eps=1e-12)

    def forward(self, x, bias):
        x = self.ln1(x + self.attn(x, bias))
        return self.ln2(x + self.ff(x))


class BertBaseShape(nn.Module):
    def __init__(self):
        super().__init__()
        self.tok = nn.Embedding(VOCAB, HIDDEN)
        self.pos = nn.Embedding(MAX_POS, HIDDEN)
        self.typ = nn.Embedding(2, HIDDEN)
        self.ln = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.layers = nn.ModuleList(Layer() for _ in range(LAYERS))
        self.head = nn.Linear(HIDDEN, 2)

    def forward(self, input_ids, attention_mask):
        l = input_ids.shape[1]
        positions = torch.arange(l, device=input_ids.device).unsqueeze(0)
        x = self.ln(self.tok(input_ids) + self.pos(positions) + self.typ(torch.zeros_like(input_ids)))
        # Padding keys get a large negative bias, broadcast over heads and queries.
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        return self.head(x)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "out"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    torch.manual_seed(0)
    model = BertBaseShape().eval()
    ids = torch.randint(3, VOCAB, (2, 16))
    mask = torch.ones_like(ids)
    fp32 = out / "bert-base.fp32.onnx"
    with torch.no_grad():
        torch.onnx.export(
            model,
            (ids, mask),
            str(fp32),
            input_names=["input_ids", "attention_mask"],
            output_names=["token_logits"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "len"},
                "attention_mask": {0: "batch", 1: "len"},
                "token_logits": {0: "batch", 1: "len"},
            },
            opset_version=17,
            do_constant_folding=True,
        )

    from onnxruntime.quantization import QuantType, quantize_dynamic

    int8 = out / "bert-base.int8.onnx"
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    for path in (fp32, int8):
        print(f"{path}  {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
