"""Small char Transformer encoder with word-feature embeddings and span-pointer heads.

Inputs (int64 [B, L]): input_ids, attention_mask, seg_ids, pos_ids, kb_ids (knowledge marks).
Outputs (raw logits; decoding applies sigmoid):
  type_logits     [B, T]             sentence-level multi-label event types
  trigger_logits  [B, T, L, 2]       per type: trigger start/end pointers
  argument_logits [B, T, L, R, 2]    per type and role: argument start/end pointers
  entity_logits   [B, L, E, 2]       per entity type: start/end pointers
Type conditioning uses conditional layer norm (type embedding -> per-type gain/bias), optionally followed by
Transformer blocks over the conditioned states (head_layers), so that the heads see the type in context.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class ModelConfig:
    vocab_size: int
    n_seg: int = 5  # 0 pad, B, M, E, S
    n_pos: int = 64  # 0 pad, 1 unk, 2.. jieba tags
    n_layer: int = 4
    d_model: int = 256
    n_head: int = 4
    d_ff: int = 1024
    max_len: int = 256
    dropout: float = 0.1
    n_types: int = 10
    n_roles: int = 18
    n_entities: int = 11
    use_word_features: bool = True  # False: seg/pos ids are replaced by 0 (feature ablation)
    n_kb: int = 8  # 0 pad, 1 none, org B/M/E, person B/M/E (KB_VOCAB in knowledge-features.ts)
    use_knowledge: bool = True  # False: kb ids are replaced by 0 (knowledge ablation)
    head_layers: int = 0  # Transformer blocks over each type's conditioned states (cost per (row, type) pair)


def key_bias(attention_mask, dtype):
    """Additive attention bias [B, 1, 1, L]: 0 for real tokens, large negative for padding."""
    return (1.0 - attention_mask.to(dtype))[:, None, None, :] * -1e4


class Block(nn.Module):
    """Pre-LN Transformer block."""

    def __init__(self, c: ModelConfig):
        super().__init__()
        self.ln1 = nn.LayerNorm(c.d_model)
        self.qkv = nn.Linear(c.d_model, 3 * c.d_model)
        self.proj = nn.Linear(c.d_model, c.d_model)
        self.ln2 = nn.LayerNorm(c.d_model)
        self.ff1 = nn.Linear(c.d_model, c.d_ff)
        self.ff2 = nn.Linear(c.d_ff, c.d_model)
        self.drop = nn.Dropout(c.dropout)
        self.n_head = c.n_head
        self.p = c.dropout

    def forward(self, x, attn_bias):
        B, L, D = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(D, dim=2)
        q, k, v = (t.view(B, L, self.n_head, D // self.n_head).transpose(1, 2) for t in (q, k, v))
        if attn_bias is not None and attn_bias.dtype != q.dtype:  # under autocast (pretrain_device.py)
            attn_bias = attn_bias.to(q.dtype)
        y = F.scaled_dot_product_attention(q, k, v, attn_mask=attn_bias,
                                           dropout_p=self.p if self.training else 0.0)
        y = y.transpose(1, 2).reshape(B, L, D)
        x = x + self.drop(self.proj(y))
        x = x + self.drop(self.ff2(F.gelu(self.ff1(self.ln2(x)))))
        return x


class FinKGEncoder(nn.Module):
    def __init__(self, c: ModelConfig):
        super().__init__()
        self.c = c
        d = c.d_model
        self.tok = nn.Embedding(c.vocab_size, d)
        self.posi = nn.Embedding(c.max_len, d)
        self.seg = nn.Embedding(c.n_seg, d)
        self.tag = nn.Embedding(c.n_pos, d)
        self.kb = nn.Embedding(c.n_kb, d)
        self.drop = nn.Dropout(c.dropout)
        self.blocks = nn.ModuleList([Block(c) for _ in range(c.n_layer)])
        self.ln_f = nn.LayerNorm(d)
        # masked-LM head (training only; decoder tied to the token embedding)
        self.mlm_dense = nn.Linear(d, d)
        self.mlm_ln = nn.LayerNorm(d)
        self.mlm_bias = nn.Parameter(torch.zeros(c.vocab_size))
        # event heads
        self.type_head = nn.Linear(2 * d, c.n_types)
        self.type_emb = nn.Embedding(c.n_types, d)
        self.cln_gain = nn.Linear(d, d)
        self.cln_bias = nn.Linear(d, d)
        self.cond_ff1 = nn.Linear(d, d)
        self.cond_ff2 = nn.Linear(d, d)
        self.cond_ln = nn.LayerNorm(d)
        self.cond_blocks = nn.ModuleList([Block(c) for _ in range(c.head_layers)])
        self.cond_ln_f = nn.LayerNorm(d) if c.head_layers else None
        self.trigger_head = nn.Linear(d, 2)
        self.argument_head = nn.Linear(d, c.n_roles * 2)
        # entity head
        self.entity_ff = nn.Linear(d, d)
        self.entity_head = nn.Linear(d, c.n_entities * 2)
        self.apply(self._init)
        nn.init.zeros_(self.cln_gain.weight)
        nn.init.zeros_(self.cln_gain.bias)
        # Zero: adding the channel to a trained encoder starts from exactly that encoder's function.
        nn.init.zeros_(self.kb.weight)

    @staticmethod
    def _init(m):
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, std=0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, std=0.02)

    def encode(self, input_ids, attention_mask, seg_ids, pos_ids, kb_ids):
        B, L = input_ids.shape
        positions = torch.arange(L, device=input_ids.device).unsqueeze(0)
        if not self.c.use_word_features:
            seg_ids, pos_ids = torch.zeros_like(seg_ids), torch.zeros_like(pos_ids)
        if not self.c.use_knowledge:
            kb_ids = torch.zeros_like(kb_ids)
        x = self.tok(input_ids) + self.posi(positions) + self.seg(seg_ids) + self.tag(pos_ids) + self.kb(kb_ids)
        x = self.drop(x)
        attn_bias = key_bias(attention_mask, x.dtype)
        for b in self.blocks:
            x = b(x, attn_bias)
        return self.ln_f(x)

    def mlm_logits(self, h):
        """h: [N, d] hidden states at masked positions -> [N, V]."""
        z = self.mlm_ln(F.gelu(self.mlm_dense(h)))
        return z @ self.tok.weight.t() + self.mlm_bias

    def type_logits(self, h, attention_mask):
        m = attention_mask.to(h.dtype).unsqueeze(-1)  # [B, L, 1]
        mean = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
        mx = (h + (m - 1.0) * 1e4).max(1).values
        return self.type_head(torch.cat([mean, mx], dim=-1))  # [B, T]

    def entity_logits(self, h):
        B, L, _ = h.shape
        return self.entity_head(F.gelu(self.entity_ff(h)) + h).view(B, L, self.c.n_entities, 2)

    def conditioned(self, hn, gain, bias, attn_bias):
        """Type-conditioned states: conditional layer norm (gain/bias from a type embedding) + one FF, then the
        head blocks, if any. hn/gain/bias broadcast to [N, L, d] (or [B, T, L, d]); attn_bias is [N, 1, 1, L]."""
        z = hn * gain + bias
        z = self.cond_ln(z + self.cond_ff2(F.gelu(self.cond_ff1(z))))
        if not self.cond_blocks:
            return z
        shape = z.shape
        z = z.reshape(-1, shape[-2], shape[-1])
        for b in self.cond_blocks:
            z = b(z, attn_bias)
        return self.cond_ln_f(z).view(shape)

    def heads(self, h, attention_mask):
        """All heads, every event type: [B, T, L, ...] trigger/argument logits."""
        e = self.type_emb.weight  # [T, d]
        gain = (1.0 + self.cln_gain(e))[None, :, None, :]  # [1, T, 1, d]
        bias = self.cln_bias(e)[None, :, None, :]
        hn = F.layer_norm(h, (self.c.d_model,)).unsqueeze(1)  # [B, 1, L, d]
        attn_bias = key_bias(attention_mask, h.dtype).repeat_interleave(e.shape[0], dim=0) if self.cond_blocks else None
        z = self.conditioned(hn, gain, bias, attn_bias)  # [B, T, L, d]
        B, T, L, _ = z.shape
        trigger_logits = self.trigger_head(z)  # [B, T, L, 2]
        argument_logits = self.argument_head(z).view(B, T, L, self.c.n_roles, 2)
        return self.type_logits(h, attention_mask), trigger_logits, argument_logits, self.entity_logits(h)

    def pair_heads(self, h, pair_rows, pair_types, attention_mask=None):
        """Trigger/argument logits of chosen (row, type) pairs only: [P, L, 2] and [P, L, R, 2].
        Serving asks for the types a sentence has, not all T (the heads are ~40 % of a full forward).
        attention_mask [B, L] is needed only with head blocks."""
        e = self.type_emb(pair_types)  # [P, d]
        gain = (1.0 + self.cln_gain(e))[:, None, :]  # [P, 1, d]
        bias = self.cln_bias(e)[:, None, :]
        hn = F.layer_norm(h, (self.c.d_model,))[pair_rows]  # [P, L, d]
        attn_bias = key_bias(attention_mask, h.dtype)[pair_rows] if self.cond_blocks else None
        z = self.conditioned(hn, gain, bias, attn_bias)
        P, L, _ = z.shape
        return self.trigger_head(z), self.argument_head(z).view(P, L, self.c.n_roles, 2)

    def forward(self, input_ids, attention_mask, seg_ids, pos_ids, kb_ids):
        h = self.encode(input_ids, attention_mask, seg_ids, pos_ids, kb_ids)
        return self.heads(h, attention_mask)


class EncoderPart(nn.Module):
    """Serving part 1: encoder, type and entity heads; also returns the hidden states for part 2."""

    def __init__(self, model: FinKGEncoder):
        super().__init__()
        self.m = model

    def forward(self, input_ids, attention_mask, seg_ids, pos_ids, kb_ids):
        h = self.m.encode(input_ids, attention_mask, seg_ids, pos_ids, kb_ids)
        return h, self.m.type_logits(h, attention_mask), self.m.entity_logits(h)


class PairHeadsPart(nn.Module):
    """Serving part 2: trigger/argument heads for chosen (row, event type) pairs."""

    def __init__(self, model: FinKGEncoder):
        super().__init__()
        self.m = model

    def forward(self, hidden, pair_rows, pair_types, attention_mask=None):
        return self.m.pair_heads(hidden, pair_rows, pair_types, attention_mask)


def count_params(model: nn.Module, exclude_mlm: bool = True) -> int:
    n = 0
    for name, p in model.named_parameters():
        if exclude_mlm and name.startswith("mlm_"):
            continue
        n += p.numel()
    return n
