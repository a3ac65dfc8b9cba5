"""Verify the Python normaliser/tokeniser against test/fixtures/tokenizer-vectors.json.

  .venv/bin/python -m models.training.check_tokenizer            # verify
  .venv/bin/python -m models.training.check_tokenizer --write    # (re)write expectations from
                                                                 # the hand-written inputs + committed vocab
"""
import argparse
import json
import os

from .tokenizer import encode, load_vocab, normalize_text

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURE = os.path.join(ROOT, "test", "fixtures", "tokenizer-vectors.json")

# Hand-written inputs: full-width digits/letters/punct, ideographic and other spaces,
# astral chars (emoji, CJK ext-B), mixed Chinese/Latin, control whitespace.
INPUTS = [
    "远航科技于2021年6月8日将1500万股解除质押",
    "ＡＢＣ公司２０１９年营收１２．５亿元（同比＋３０％）",
    "Hello World\tTAB\nnewline\u3000ideographic\u00a0nbsp",
    "贵州茅台（600519.SH）😀涨停🚀",
    "𠀀𠮷野家 ｆｉｎｋｇ Ｚｚ ～！",
    "中标金额为人民币3,256.78万元；\r\n甲方：中国建设银行股份有限公司",
    "",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--vocab", default=os.path.join(ROOT, "models", "finkg-small", "vocab.txt"))
    args = ap.parse_args()
    vocab = load_vocab(args.vocab)
    if args.write:
        cases = []
        for text in INPUTS:
            norm = normalize_text(text)
            cases.append({"input": text, "inputCodePoints": [ord(c) for c in text],
                          "normalized": norm, "normalizedCodePoints": [ord(c) for c in norm],
                          "ids": encode(text, vocab)})
        os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
        with open(FIXTURE, "w", encoding="utf-8") as f:
            json.dump({"vocab": "models/finkg-small/vocab.txt", "vocabSize": len(vocab),
                       "cases": cases}, f, ensure_ascii=False, indent=1)
        print(f"wrote {len(cases)} cases to {FIXTURE}")
        return
    with open(FIXTURE, encoding="utf-8") as f:
        fx = json.load(f)
    assert fx["vocabSize"] == len(vocab), "vocab changed since fixtures were written"
    for c in fx["cases"]:
        text = c["input"]
        assert [ord(ch) for ch in text] == c["inputCodePoints"]
        norm = normalize_text(text)
        assert [ord(ch) for ch in norm] == c["normalizedCodePoints"], c["input"]
        assert len(norm) == len(text)
        assert encode(text, vocab) == c["ids"], c["input"]
    print(f"tokenizer vectors OK ({len(fx['cases'])} cases)")


if __name__ == "__main__":
    main()
