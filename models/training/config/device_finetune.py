"""full's finetuning on a lent GPU machine that holds only the repository and a carried folder .data/gpu_ft:
the finetuning data from `device_pack --finetune` and the pretraining checkpoint as pretrain_last.pt. Same
settings as full (8,196 steps, which bind long before the 170-second budget), a dev evaluation every 85 s.
finkg-small-0.8.0 was finetuned so, on an H200 (111 s):
  python3 -m models.training.device_pack --unpack .data/gpu_ft
  python3 -m models.training.train --config device_finetune --stage finetune --device cuda
  python3 -m models.training.device_pack --half .data/training/device_finetune/ckpt/finetune_best.pt $OUT/finetune_best.pt
"""
from . import finetune_arm
from .full import config as full

config = finetune_arm(
    full,
    "device_finetune",
    prepared_dir=".data/gpu_ft",
    init_ckpt=".data/gpu_ft/pretrain_last.pt",
    ft_time_budget_s=170,
    eval_every_s=85,
    ckpt_every_s=1e9,
)
