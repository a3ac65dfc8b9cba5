"""The real run: ~40 min masked-LM pretraining + ~45 min multitask finetuning on 2 CPU cores."""
from . import Config

config = Config(
    name="full",
    cache_dir=".data/training/full",
    model_dir="models/finkg-small",
    corpus_max_chars=None,  # whole corpus (~20.6M chars); pretraining sees about one pass
    pt_time_budget_s=40 * 60,
    ft_time_budget_s=45 * 60,
    eval_every_s=8 * 60,
)
