"""Training configs. `load_config("team", ["--ft_max_steps=20"])` returns the Config defined in config/<name>.py
with command-line overrides applied; `parse_args` gives every entry point `--config NAME` and `--key=value`."""
from __future__ import annotations

import argparse
import dataclasses
import difflib
import importlib
import json
import os
import types
import typing
from dataclasses import dataclass, field

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


@dataclass
class Config:
    name: str = "full"
    # paths (relative to repo root unless absolute)
    data_dir: str = os.environ.get("DATASETS_DIR", "../shared/data")
    cache_dir: str = ".data/training/full"
    ckpt_dir: str | None = None  # default <cache_dir>/ckpt
    # prepare.py's pickles + prepare_meta.json (default cache_dir) and the checkpoint finetuning starts
    # from (default <ckpt_dir>/pretrain_last.pt): a finetuning arm reuses another run's instead of redoing them.
    prepared_dir: str | None = None
    init_ckpt: str | None = None
    model_dir: str = "models/finkg-small"
    # An existing model's vocab.txt: prepare encodes with it instead of building a vocabulary, so a finetuning
    # can start from that model's weights (init_ckpt).
    vocab_file: str | None = None
    # The team's document-level event annotations (data/team-events/events.jsonl): their train part joins the
    # event units of finetuning (team_events.py). Its sentences that state an event are shown
    # team_positive_repeat times per epoch: each of the team's types is rare among them.
    team_events: str | None = None
    team_positive_repeat: int = 1
    # A sentence of a type rarer than the team's median type is shown up to this many times more, in proportion
    # to sqrt(median / its type's sentence count): thin types (企业破产, 被约谈, 股份回购) otherwise stay underfit.
    team_rare_type_boost: float = 1.0
    # Self-training: pseudo-labels the product wrote at raised thresholds (`finkg pseudo-label`, team-events
    # records) join the team's units, read the same way. Their sentences that state an event are shown
    # pseudo_positive_repeat times per epoch (gold ones team_positive_repeat times): a model's labels are
    # noisier than the team's, so they weigh less; they never enter the rare-type counts of the gold units.
    pseudo_events: str | None = None
    pseudo_positive_repeat: int = 1
    # Type threshold of the types learnt without triggers (config.json decode.thresholds.triggerlessType); None:
    # the type threshold tuned on FewFC dev. FewFC dev cannot tune it: it labels none of those types.
    triggerless_type_threshold: float | None = None
    schema_path: str = "schemas/events.json"
    seed: int = 1234
    threads: int = 2
    model_version: str = "finkg-small-0.2.0"
    # data
    vocab_min_freq: int = 3
    vocab_cap: int = 8000
    corpus_max_chars: int | None = None  # None = whole corpus
    pretrain_len: int = 128  # corpus chunk length (code points)
    limit_train: int | None = None  # cap per labelled dataset (tiny)
    limit_dev: int | None = None
    cluener_holdout: float = 0.05  # CLUENER has no dev split here; hold out 5% of train
    # model
    n_layer: int = 4
    d_model: int = 256
    n_head: int = 4
    d_ff: int = 1024
    max_len: int = 256
    dropout: float = 0.1
    # Transformer blocks over each event type's conditioned states, under the trigger/argument pointers (each
    # costs about a quarter of the 4-layer encoder per (sentence, type) pair the heads run for).
    head_layers: int = 0
    # jieba word-position/POS embeddings. False replaces seg_ids/pos_ids by the pad id 0 inside the model
    # (the inputs stay in the ONNX contract): row 0 got no gradient in pretraining (padding only), so it is
    # still its random init, and finetuning learns it as one constant vector (the word-feature ablation,
    # models/finkg-small/HISTORY.md; --use_word_features=false).
    use_word_features: bool = True
    # Knowledge channel (kb_ids: spans matching known names). False replaces the ids by the pad id inside the
    # model, as use_word_features does (the knowledge ablation's control arm; --use_knowledge=false).
    use_knowledge: bool = True
    # pretraining (masked LM, whole-word + entity-knowledge span masking)
    pt_batch_tokens: int = 4096
    pt_lr: float = 5e-4
    pt_warmup: int = 300
    pt_max_steps: int = 100000
    pt_time_budget_s: float = 30 * 60
    mask_prob: float = 0.15
    span_mask_prob: float = 0.5
    # The same objective on a CUDA device (pretrain_device.py, batch-wide masking on the device); run.sh runs it
    # when the machine has one, and its checkpoint then stands for the CPU pretraining stage.
    pt_device_batch_tokens: int = 32768
    pt_device_lr: float = 1e-3
    pt_device_warmup: int = 500
    pt_device_max_steps: int = 100000
    pt_device_time_budget_s: float = 24 * 3600
    # finetuning (events + entities)
    ft_batch_tokens: int = 3072
    ft_lr: float = 3e-4
    ft_warmup: int = 200
    ft_max_steps: int = 100000
    ft_time_budget_s: float = 35 * 60
    ft_dropout: float | None = None  # dropout while finetuning; None: `dropout`, as in pretraining
    ent_fraction: float = 0.5  # share of the entity examples used per epoch
    # Mention replacement (augment.py): copies made per FewFC train unit at prepare time, and the share of
    # units that each epoch shows as one of their copies instead of as written.
    augment_copies: int = 0
    augment_share: float = 0.5
    augment_unmark: float = 0.3  # share of swapped-in names whose knowledge marks are removed
    # Trigger/argument heads are trained on each event sentence's gold types plus this many of its highest-scoring
    # other types (train.head_pairs); 9 = every type, as up to 0.5.0.
    head_negatives: int = 9
    # Exponential moving average of the finetuned weights (decay per step; None: not kept). Every dev evaluation
    # scores both the weights and their average, and the better of all becomes finetune_best.
    ema_decay: float | None = None
    pos_weight: float = 5.0
    # Argument loss weight: the argument loss is averaged over 69 valid (type, role) channels, so per
    # positive it gets far less gradient than triggers (10 channels); this compensates in shared layers.
    arg_loss_weight: float = 1.0
    eval_every_s: float = 5 * 60
    ckpt_every_s: float = 4 * 60
    weight_decay: float = 0.01
    grad_clip: float = 1.0
    # decoding. Argument cap 16 (98.7 % of FewFC train arguments are <= 16 code points, longest dev one 35):
    # a start whose nearest end lies further away is nearly always a false start, and pairing it anyway
    # made long wrong spans (finkg-small-0.1.0 dev AC 34.2 with 64, 37.3 with 16; see models/finkg-small/HISTORY.md).
    # Trigger cap 6: the longest FewFC train trigger.
    max_span: dict = field(default_factory=lambda: {"trigger": 6, "argument": 16, "entity": 48})

    def path(self, p: str) -> str:
        return p if os.path.isabs(p) else os.path.join(ROOT, p)

    def ckpt_path(self, name: str) -> str:
        """A checkpoint file in ckpt_dir (default <cache_dir>/ckpt)."""
        return os.path.join(self.path(self.ckpt_dir or os.path.join(self.cache_dir, "ckpt")), name)

    def prepared_path(self) -> str:
        return self.path(self.prepared_dir or self.cache_dir)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


def finetune_arm(base: Config, name: str, **changes) -> Config:
    """A finetuning arm from `base`'s prepared data and pretraining checkpoint, writing to its own folder
    .data/training/<name> (its exported model too, never the committed one)."""
    folder = f".data/training/{name}"
    derived = dict(name=name, cache_dir=folder, model_dir=folder + "/model", prepared_dir=base.cache_dir,
                   init_ckpt=base.cache_dir + "/ckpt/pretrain_last.pt")
    return dataclasses.replace(base, **{**derived, **changes})


class ConfigError(ValueError):
    """A config name or override that does not fit the Config dataclass."""


def load_config(name: str, overrides: typing.Sequence[str] = ()) -> Config:
    folder = os.path.dirname(__file__)
    names = sorted(f[:-3] for f in os.listdir(folder) if f.endswith(".py") and f != "__init__.py")
    if name not in names:
        raise ConfigError(f"no config {name!r} in models/training/config; there are: {', '.join(names)}")
    return with_overrides(importlib.import_module(f"{__name__}.{name}").config, overrides)


def with_overrides(cfg: Config, overrides: typing.Sequence[str]) -> Config:
    """cfg with `--key=value` overrides, each value read as its field's type (`none` for an optional one)."""
    hints = typing.get_type_hints(Config)
    changes = {}
    for arg in overrides:
        key, eq, value = arg.removeprefix("--").partition("=")
        if not arg.startswith("--") or not eq:
            raise ConfigError(f"config overrides take the form --key=value, got {arg!r}")
        if key not in hints:
            close = difflib.get_close_matches(key, list(hints), n=5, cutoff=0.6)
            hint = f"; close names: {', '.join(close)}" if close else "; see models/training/config/__init__.py"
            raise ConfigError(f"unknown config key {key!r}{hint}")
        changes[key] = parse_value(key, hints[key], value)
    return dataclasses.replace(cfg, **changes)


def parse_value(key: str, hint, value: str):
    """value read as the field's type: int, float, bool, str, dict (JSON), optionally None."""
    members = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    if type(None) in members and value.lower() in ("none", "null"):
        return None
    (kind,) = [m for m in members if m is not type(None)]
    try:
        if kind is bool:
            return {"true": True, "1": True, "false": False, "0": False}[value.lower()]
        if kind is dict:
            parsed = json.loads(value)
            if not isinstance(parsed, dict):
                raise ValueError("not a JSON object")
            return parsed
        return kind(value)
    except (KeyError, ValueError) as e:
        raise ConfigError(f"--{key}={value}: not a {kind.__name__} ({e})") from None


def parse_args(ap: argparse.ArgumentParser, argv: typing.Sequence[str] | None = None):
    """ap's own arguments plus `--config NAME` (default $FINKG_TRAIN_CONFIG, else full); everything else must be
    a `--key=value` override of a Config field. Returns (args, config)."""
    ap.add_argument("--config", default=os.environ.get("FINKG_TRAIN_CONFIG", "full"),
                    help="config/<NAME>.py; any Config field is overridden by --key=value")
    ap.allow_abbrev = False  # an override is never taken for an abbreviation of the entry point's own options
    args, rest = ap.parse_known_args(argv)
    try:
        return args, load_config(args.config, rest)
    except ConfigError as e:
        ap.error(str(e))
