"""0.3.0's knowledge stage, kept for the knowledge ablation (not part of the recipe since 0.4.0, whose
finetuning has the knowledge input from its first step).

Continues from 0.2.0's best finetuned checkpoint (kept in ckpt/v0.2.0/), with the knowledge embedding
starting at zero, so the stage starts from that model's function. Fixed step count, so that it and its
control arm (config/knowledge_control.py, the same stage without the channel) see the same batches in
the same order.
"""
from . import Config

config = Config(
    name="knowledge",
    cache_dir=".data/training/knowledge/kb",
    model_dir=".data/training/knowledge/kb/model",  # 0.3.0; never overwrite the committed model
    prepared_dir=".data/training/full",
    init_ckpt=".data/training/full/ckpt/v0.2.0/finetune_best.pt",  # 0.2.0's weights
    model_version="finkg-small-0.3.0",
    arg_loss_weight=3.0,
    ft_lr=1.5e-4,  # half the first finetuning's peak: the weights are already trained
    ft_warmup=100,
    ft_max_steps=1800,
    ft_time_budget_s=1e9,  # the LR schedule follows steps only
    eval_every_s=1e9,  # one dev evaluation, after the last step
)
