"""Finetuning arm without dropout: 0.7.0's finetuning from the same pretraining checkpoint with ft_dropout=0,
stopped at 0.7.0's step count (8,196) rather than at a time, so the two compare step for step whatever the
machine's load:
  .venv/bin/python -m models.training.train --config no_dropout --stage finetune
Result (models/finkg-small/HISTORY.md): dev AC 51.4 at best (0.7.0: 51.8); train-sentence AC 69.0 (63.1).
Not shipped.
"""
from . import finetune_arm
from .full import config as full

config = finetune_arm(
    full,
    "no_dropout",
    # 0.7.0's pretraining checkpoint, set aside there when 0.8.0's replaced it in the full run's folder.
    init_ckpt=".data/training/full/ckpt_0.7.0/pretrain_last.pt",
    ft_dropout=0.0,
    ft_max_steps=8196,
    # Long enough that the step cap, not the clock, ends the run and sets the learning-rate schedule.
    ft_time_budget_s=130 * 60,
)
