"""CI smoke config: a few hundred sentences, tiny dims, a few steps; whole recipe < 2 min on CPU."""
from . import Config

config = Config(
    name="tiny",
    cache_dir=".data/training/tiny",
    model_dir=".data/training/tiny/model",  # never overwrite the committed model
    corpus_max_chars=30_000,
    limit_train=300,
    limit_dev=60,
    vocab_min_freq=1,
    n_layer=1,
    d_model=32,
    n_head=2,
    d_ff=64,
    head_layers=1,  # exercises the heads' blocks and the pair-heads part's attention_mask input
    max_len=256,
    pt_batch_tokens=1024,
    pt_warmup=2,
    pt_max_steps=8,
    pt_time_budget_s=60,
    ft_batch_tokens=1024,
    ft_warmup=2,
    ft_max_steps=10,
    augment_copies=1,
    head_negatives=3,
    ema_decay=0.9,
    ft_time_budget_s=60,
    eval_every_s=1e9,  # only the final eval
    ckpt_every_s=1e9,
)
