"""Word-feature ablation, arm 1 (control): finetune-only from the full run's pretrained checkpoint, with
the jieba word-position/POS inputs as trained. Arm 2 is ablation_nofeat.py; run both with
`bash models/training/ablation.sh` (20-40 min on one shared core).

Fixed step count (not a time budget) so both arms see the same batches in the same order on a noisy
machine; one thread each, evaluated on dev after the same (last) step. Settings otherwise as config/full.py.
"""
from . import Config

config = Config(
    name="ablation_feat",
    cache_dir=".data/training/ablation/feat",
    model_dir=".data/training/ablation/feat/model",  # never overwrite the committed model
    prepared_dir=".data/training/full",  # reuse the full run's prepared pickles
    init_ckpt=".data/training/full/ckpt/pretrain_last.pt",
    threads=1,
    arg_loss_weight=3.0,
    use_knowledge=False,  # as when this ablation was run, before the knowledge channel existed
    # 400 steps (~0.7 epoch of the finetuning pool) fit a ~20 min budget per arm on one busy shared core
    # (measured 1.2-2.6 s a step; the run took ~10 min an arm); warmup shortened to match the short schedule.
    ft_max_steps=400,
    ft_warmup=100,
    ft_time_budget_s=1e9,  # the LR schedule follows steps only
    eval_every_s=1e9,  # one dev evaluation, after the last step
)
