#!/usr/bin/env bash
# Whole training recipe: build the features CLI, prepare data, pretrain, finetune, export, verify.
#   npm run train                          # full config (models/finkg-small): ~10 min on an H200, ~145 min
#                                          # on 2 CPU cores with no GPU (a weaker model)
#   FINKG_TRAIN_CONFIG=tiny npm run train  # CI smoke run (< 2 min), writes to .data/training/tiny/
#   DATASETS_DIR=/path/to/data npm run train   # Config.data_dir defaults to $DATASETS_DIR
#   bash models/training/run.sh team --ft_max_steps=20 --cache_dir=.data/trial   # overrides go to every stage
# Re-running resumes: prepare is skipped when its cache exists, training resumes from checkpoints.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONFIG="${1:-${FINKG_TRAIN_CONFIG:-full}}"
OVERRIDES=("${@:2}")
PY="${PYTHON:-.venv/bin/python}"
# Keep freed tensor memory in-process: variable batch shapes otherwise cost many mmap/munmap page faults.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-1000000000}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-100000000000}"
export MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-1000000000}"

# Features come from the built CLI (prepare, export): a failed build stops the recipe, as any failed stage does.
npm run build
"$PY" -m models.training.prepare --config "$CONFIG" "${OVERRIDES[@]}"
# On a CUDA device when there is one: pretraining by pretrain_device.py (minutes on a data-centre GPU) and the
# finetuning. Else both run on the CPU, pretraining under the config's time budget: a much shorter pretraining
# and a weaker model (models/finkg-small/MODEL_CARD.md).
DEVICE=cpu
if "$PY" -c 'import sys, torch; sys.exit(not torch.cuda.is_available())'; then DEVICE=cuda; fi
if [[ "$DEVICE" == cuda ]]; then "$PY" -m models.training.pretrain_device --config "$CONFIG" "${OVERRIDES[@]}"; fi
"$PY" -m models.training.train --config "$CONFIG" --stage pretrain "${OVERRIDES[@]}"
"$PY" -m models.training.train --config "$CONFIG" --stage finetune --device "$DEVICE" "${OVERRIDES[@]}"
"$PY" -m models.training.export --config "$CONFIG" "${OVERRIDES[@]}"
# The committed vocab changed, so refresh the shared TS/Python tokenizer vectors, then verify them.
if [[ "$CONFIG" == "full" ]]; then
  "$PY" -m models.training.check_tokenizer --write
  "$PY" -m models.training.check_tokenizer
fi
