"""The feature contract between serving and training: the versions of the word features (jieba word positions and
POS tags, src/extract/word-features.ts WORD_FEATURES_VERSION) and of the knowledge marks
(src/extract/knowledge-features.ts KNOWLEDGE_FEATURES_VERSION) a model is trained on. `finkg features` computes
both for training; prepare refuses a features command that reports other versions, export writes these into the
model's config.json, and serving refuses a model whose versions differ from its own. A change to either side's
features bumps its version here and in TypeScript together (test/models/feature-contract.test.ts checks they agree).
"""
from __future__ import annotations

WORD_FEATURES_VERSION = "jieba-node-rs-2+finance-dict-v1"
KNOWLEDGE_FEATURES_VERSION = "gazetteer-longest-match-v1"


class FeatureContractError(RuntimeError):
    """Features of another version than the contract's."""


def check_versions(where: str, word: str | None, knowledge: str | None = None) -> None:
    """Refuse word features (and knowledge marks, when given) of another version than the contract's."""
    wrong = [f"{kind} {got} (the contract: {want})" for kind, got, want in (
        ("word features", word, WORD_FEATURES_VERSION), ("knowledge marks", knowledge, KNOWLEDGE_FEATURES_VERSION))
        if (got is not None or kind == "word features") and got != want]
    if wrong:
        raise FeatureContractError(f"{where} has {' and '.join(wrong)}: models/training/feature_contract.py and "
                                   "src/extract/{word,knowledge}-features.ts must agree, and a cache prepared with "
                                   "other features must be prepared again (prepare --force)")
