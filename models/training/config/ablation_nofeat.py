"""Word-feature ablation, arm 2: as ablation_feat.py, but seg/pos inputs replaced by the pad id inside the
model (use_word_features=False), in finetuning and in every dev evaluation."""
import dataclasses

from .ablation_feat import config as feat

config = dataclasses.replace(
    feat,
    name="ablation_nofeat",
    cache_dir=".data/training/ablation/nofeat",
    model_dir=".data/training/ablation/nofeat/model",
    use_word_features=False,
)
