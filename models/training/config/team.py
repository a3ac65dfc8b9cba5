"""finkg-small-0.9.x: the shipped model's weights (models/finkg-small/weights.pt) finetuned further on FewFC, the
entity sets and the train part of the team's event annotations (data/team-events), so the model learns the
types FewFC lacks (股份回购, 股东增持, 高管变动, 亏损, 企业融资, 公司上市, 企业破产, 被约谈, 行政处罚; 解除质押 has no
annotated train text yet). Same vocabulary, no pretraining. 0.9.0 started from 0.8.0's weights.pt (commit 8db6a47),
0.9.1 from 0.9.0's; run again, it starts from whatever model is committed. On 2 CPU cores (50 minutes):
  .venv/bin/python -m models.training.prepare --config team
  .venv/bin/python -m models.training.train --config team --stage finetune
  .venv/bin/python -m models.training.export --config team
and copy .data/training/team/model/ into models/finkg-small/ (a new version: --model_version=...).
"""
from . import finetune_arm
from .full import config as full

config = finetune_arm(
    full,
    "team",
    prepared_dir=".data/training/team",
    init_ckpt="models/finkg-small/weights.pt",
    vocab_file="models/finkg-small/vocab.txt",
    corpus_max_chars=0,
    team_events="data/team-events/events.jsonl",
    # The new types' heads start from scratch and their sentences are few: full's rate, and each sentence that
    # states an event shown 8 times per epoch. A first run at 1e-4 with each team sentence shown 3 times left
    # the new types' probabilities near 0.01 even on their training sentences.
    team_positive_repeat=8,
    # 0.9.1: the thinnest types (企业破产, 被约谈, 股份回购: 16–21 train events against a median of 68) were still
    # read at probability ~0.2 on their own training sentences; their sentences are shown up to 3x more.
    team_rare_type_boost=3.0,
    model_version="finkg-small-0.9.1",
    # Chosen on the team annotations' train part and data/realdocs (never the held-out part): against the FewFC
    # type threshold (0.1), 0.5 kept argument F1 within half a point on both and cut the documents with a
    # false event from 22.7 to 16.9 % and from 26.4 to 23.6 %.
    triggerless_type_threshold=0.5,
    ft_warmup=100,
    ft_max_steps=2400,
    ft_time_budget_s=50 * 60,
    eval_every_s=20 * 60,
)
