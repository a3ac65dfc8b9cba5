#!/usr/bin/env bash
# Knowledge-channel ablation: 0.3.0's knowledge stage (config/knowledge.py) against its control arm
# (config/knowledge_control.py, kb ids replaced by the pad id), both from 0.2.0's best finetuned
# checkpoint (.data/training/full/ckpt/v0.2.0/), the same 1,800 steps over the same batches, side by side
# on one thread each. Needs the full run's cache (.data/training/full, marked by `prepare --knowledge-only`
# if it predates the channel).
# Writes .data/training/knowledge/{kb,control}/ (train.log, finetune_summary.json) and prints the dev
# scores side by side. About 45 min on 2 cores. `export --config knowledge` turns the kb arm into 0.3.0
# (in .data/training/knowledge/kb/model); delete .data/training/knowledge/<arm> to rerun an arm.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY="${PYTHON:-.venv/bin/python}"
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 FINKG_TRAIN_THREADS=1
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-1000000000}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-100000000000}"
export MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-1000000000}"
"$PY" -m models.training.prepare --config full --knowledge-only
mkdir -p .data/training/knowledge/kb .data/training/knowledge/control
"$PY" -m models.training.train --config knowledge --stage finetune >>.data/training/knowledge/kb/train.log 2>&1 &
"$PY" -m models.training.train --config knowledge_control --stage finetune >>.data/training/knowledge/control/train.log 2>&1
wait
"$PY" -m models.training.ablation_table .data/training/knowledge/kb .data/training/knowledge/control
