"""Char normalisation + vocab, mirroring src/extract/char-normalizer.ts exactly.

Per code point, 1:1: full-width ASCII U+FF01..U+FF5E -> minus 0xFEE0; the whitespace
set below (incl. U+3000) -> ' '; A-Z -> a-z. Token i = code point i of the text.
Checked against test/fixtures/tokenizer-vectors.json by check_tokenizer.py.
"""
from __future__ import annotations

PAD_ID, UNK_ID, MASK_ID = 0, 1, 2
SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[MASK]"]

# Same explicit list as the TS side (Python's str.isspace and JS /\s/ differ).
_WS_RANGES = [(0x09, 0x0D), (0x1C, 0x1F), (0x20, 0x20), (0x85, 0x85), (0xA0, 0xA0),
              (0x1680, 0x1680), (0x2000, 0x200A), (0x2028, 0x2029), (0x202F, 0x202F),
              (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF)]


def _build_table() -> dict[int, int]:
    """str.translate table implementing the per-code-point map."""
    t: dict[int, int] = {}
    for cp in range(0xFF01, 0xFF5F):
        c = cp - 0xFEE0
        t[cp] = c + 0x20 if 0x41 <= c <= 0x5A else c
    for lo, hi in _WS_RANGES:
        for cp in range(lo, hi + 1):
            t[cp] = 0x20
    for cp in range(0x41, 0x5B):
        t[cp] = cp + 0x20
    return t


_TABLE = _build_table()


def normalize_text(text: str) -> str:
    return text.translate(_TABLE)


def load_vocab(path: str) -> dict[str, int]:
    with open(path, encoding="utf-8", newline="\n") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return {tok: i for i, tok in enumerate(lines)}


def save_vocab(tokens: list[str], path: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for t in tokens:
            assert "\n" not in t
            f.write(t + "\n")


def encode(text: str, vocab: dict[str, int]) -> list[int]:
    return [vocab.get(ch, UNK_ID) for ch in normalize_text(text)]
