"""Candidate for a recipe inside the 150-minute budget: the first finetuning (100 min from the pretrained
encoder, as config/full.py) with the knowledge channel from its first step, and no knowledge stage.
Writes .data/training/kb-from-start/ only; compare its dev scores with finkg-small-0.3.0 (MODEL_CARD.md)."""
import dataclasses

from .full import config as full

config = dataclasses.replace(
    full,
    name="knowledge_from_start",
    cache_dir=".data/training/kb-from-start",
    model_dir=".data/training/kb-from-start/model",
    prepared_dir=".data/training/full",
    init_ckpt=".data/training/full/ckpt/pretrain_last.pt",
    model_version="finkg-small-kb-from-start",
    use_knowledge=True,
)
