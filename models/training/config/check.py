"""Developer sanity check (not part of the recipe): small model, finetune only, on the full cache."""
from . import Config

config = Config(
    name="check",
    cache_dir=".data/training/full",
    ckpt_dir=".data/training/check/ckpt",
    model_dir=".data/training/check/model",
    threads=1,
    n_layer=2,
    d_model=128,
    n_head=4,
    d_ff=512,
    ft_time_budget_s=300,
    ft_warmup=100,
    ft_lr=1e-3,
    eval_every_s=1e9,
    ckpt_every_s=1e9,
)
