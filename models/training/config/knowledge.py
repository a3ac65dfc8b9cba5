"""Recipe stage 3: the knowledge channel (kb_ids, spans matching known names) added to the finetuned model.

Continues from the full run's best finetuned checkpoint (its prepared pickles, marked by
`prepare --knowledge-only` or by a fresh prepare), with the knowledge embedding starting at zero, so the
stage starts from exactly the model it improves. Fixed step count, so that it and its control arm
(config/knowledge_control.py, the same stage without the channel) see the same batches in the same order.
"""
from . import Config

config = Config(
    name="knowledge",
    cache_dir=".data/training/knowledge/kb",
    model_dir="models/finkg-small",
    prepared_dir=".data/training/full",
    init_ckpt=".data/training/full/ckpt/finetune_best.pt",
    model_version="finkg-small-0.3.0",
    arg_loss_weight=3.0,
    ft_lr=1.5e-4,  # half the first finetuning's peak: the weights are already trained
    ft_warmup=100,
    ft_max_steps=1800,
    ft_time_budget_s=1e9,  # the LR schedule follows steps only
    eval_every_s=1e9,  # one dev evaluation, after the last step
)
