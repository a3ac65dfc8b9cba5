"""The one optimisation loop of every training stage (CPU pretraining, finetuning on the CPU or a GPU, GPU
pretraining): optimizer steps until the budget is spent, with the learning rate following the budget's progress
and periodic actions (logs, dev evaluations, checkpoints) between steps."""
from __future__ import annotations

import dataclasses
import math
import os
import time
from typing import Any, Callable, Iterable

import torch


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def lr_at(step, progress, base, warmup):
    if step < warmup:
        return base * (step + 1) / warmup
    return base * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * min(1.0, progress))))


def make_optimizer(model, cfg, lr):
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    return torch.optim.AdamW([{"params": decay, "weight_decay": cfg.weight_decay},
                              {"params": no_decay, "weight_decay": 0.0}], lr=lr, betas=(0.9, 0.98))


def save_ckpt(path, **state):
    tmp = path + ".tmp"
    torch.save(state, tmp)
    os.replace(tmp, path)  # atomic: an interrupted save never corrupts the last checkpoint


@dataclasses.dataclass
class Budget:
    """A stage ends at max_steps or after time_budget_s, whichever comes first; the learning rate warms up over
    `warmup` steps, then follows a cosine over progress = max(step / max_steps, elapsed / time_budget_s)."""
    max_steps: int
    time_budget_s: float
    lr: float
    warmup: int

    def progress(self, step: int, elapsed: float) -> float:
        return max(step / self.max_steps, elapsed / self.time_budget_s)


@dataclasses.dataclass
class Run:
    """Where a stage stands: steps taken and its start time (a resumed run's start lies `elapsed` back)."""
    step: int = 0
    elapsed_before: dataclasses.InitVar[float] = 0.0
    t_start: float = dataclasses.field(init=False)

    def __post_init__(self, elapsed_before):
        self.t_start = time.time() - elapsed_before

    def elapsed(self) -> float:
        return time.time() - self.t_start


@dataclasses.dataclass
class Every:
    """An action run after a step once `seconds` have passed since it last ran (or since the loop began)."""
    seconds: float
    action: Callable[[Run], None]


def run_steps(model, opt, budget: Budget, run: Run, epoch: Callable[[], Iterable[Any]],
              loss_of: Callable[[Any], tuple[torch.Tensor, Any]], grad_clip: float,
              after_step: Callable[[Run, torch.Tensor, Any], None] | None = None, every: Iterable[Every] = ()):
    """Step through epoch() after epoch() until the budget is spent. loss_of(batch) gives the batch's loss and
    whatever after_step(run, loss, info) wants of it (tokens, loss parts)."""
    every = list(every)
    last = [time.time()] * len(every)
    while True:
        for batch in epoch():
            progress = budget.progress(run.step, run.elapsed())
            if progress >= 1.0:
                return
            for g in opt.param_groups:
                g["lr"] = lr_at(run.step, progress, budget.lr, budget.warmup)
            loss, info = loss_of(batch)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
            opt.step()
            run.step += 1
            if after_step is not None:
                after_step(run, loss, info)
            for i, e in enumerate(every):
                if time.time() - last[i] > e.seconds:
                    e.action(run)
                    last[i] = time.time()
