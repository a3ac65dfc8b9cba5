"""Control arm of the knowledge stage: as knowledge.py, with the kb ids replaced by the pad id inside the
model (use_knowledge=False) in training and every dev evaluation. Its model is never exported over the
committed one."""
import dataclasses

from .knowledge import config as knowledge

config = dataclasses.replace(
    knowledge,
    name="knowledge_control",
    cache_dir=".data/training/knowledge/control",
    model_dir=".data/training/knowledge/control/model",
    use_knowledge=False,
)
