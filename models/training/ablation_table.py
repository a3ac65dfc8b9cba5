"""Print the last dev evaluation of ablation arms side by side (markdown), as the ablation scripts report.

  .venv/bin/python -m models.training.ablation_table .data/training/ablation/feat .data/training/ablation/nofeat
"""
import json
import os
import sys


def main(dirs):
    print("| arm | step | TI | TC | AI | AC | CLUENER hold-out | FinNER eval |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for d in dirs:
        e = json.load(open(os.path.join(d, "finetune_summary.json")))["evals"][-1]
        ev, en = e["scores"]["fewfc_dev"], e["scores"]["entity_dev"]
        print(f"| {os.path.basename(d.rstrip('/'))} | {e['step']} | "
              + " | ".join(f"{ev[k]['f1']:.1f}" for k in ("TI", "TC", "AI", "AC"))
              + f" | {en['cluener_holdout']['f1']:.1f} | {en['finner_eval']['f1']:.1f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
