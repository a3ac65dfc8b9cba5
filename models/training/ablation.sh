#!/usr/bin/env bash
# Word-feature ablation (finetune only): config/ablation_feat.py vs config/ablation_nofeat.py, one after
# the other, each on one thread from the full run's pretrained checkpoint and prepared pickles
# (.data/training/full: run `npm run train` first). Writes .data/training/ablation/{feat,nofeat}/
# (finetune_summary.json, train.log) and prints the dev scores side by side. 20-40 min.
#   bash models/training/ablation.sh
# An interrupted arm resumes from its checkpoint; delete .data/training/ablation/<arm> to rerun it.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY="${PYTHON:-.venv/bin/python}"
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-1000000000}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-100000000000}"
export MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-1000000000}"
for arm in feat nofeat; do
  out=".data/training/ablation/$arm"
  mkdir -p "$out"
  "$PY" -m models.training.train --config "ablation_$arm" --stage finetune 2>&1 | tee -a "$out/train.log"
done
"$PY" -m models.training.ablation_table .data/training/ablation/feat .data/training/ablation/nofeat
