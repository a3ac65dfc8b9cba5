"""The GPU-pretrained encoder finetuned on the CPU: full's finetuning (8,196 steps) on 2 CPU cores from
pretrain_device.py's checkpoint, against finkg-small-0.8.0, which ran the same finetuning on the GPU:
  cp <pretrain_device's pretrain_last.pt> .data/training/device_pretrain/pretrain_device.pt
  .venv/bin/python -m models.training.train --config device_pretrain --stage finetune
Result: models/finkg-small/HISTORY.md.
"""
from . import finetune_arm
from .full import config as full

config = finetune_arm(
    full,
    "device_pretrain",
    init_ckpt=".data/training/device_pretrain/pretrain_device.pt",
    # Long enough that the step cap, not the clock, ends the run and sets the learning-rate schedule.
    ft_time_budget_s=130 * 60,
)
