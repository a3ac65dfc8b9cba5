"""Self-training's hook: pseudo-labels join finetuning as the team's annotations do, weighed apart.

  .venv/bin/python -m unittest models.training.tests.test_pseudo_events
"""
import dataclasses
import json
import os
import tempfile
import unittest

from models.training.config import ROOT, load_config
from models.training.schema import Schema
from models.training.team_events import load_pseudo_events
from models.training.train import team_repeats

SCHEMA_PATH = os.path.join(ROOT, "schemas", "events.json")
TEXT = "示例科技股份有限公司拟以不超过5000万元回购公司股份。行业景气度继续回升。"


def pseudo_record(line: int) -> dict:
    """A record as `finkg pseudo-label` writes it: team-events fields plus confidences and labelled_by."""
    args = [{"role": role, "documentRole": role, "argument": text, "start": TEXT.index(text),
             "end": TEXT.index(text) + len(text), "confidence": 0.93}
            for role, text in (("回购方", "示例科技股份有限公司"), ("交易金额", "不超过5000万元"))]
    return {"id": f"corpus:c:{line}", "source": f"corpus/c.jsonl:{line}", "origin": "x", "kind": "news",
            "scope": "events", "issuer": None, "date": None, "split": "train", "annotator": "model:m",
            "labelled_by": {"model": "m", "thresholds": {"event": 0.8, "argument": 0.8}},
            "events": [{"event_type": "股份回购", "confidence": 0.9, "arguments": args}]}


class PseudoEventsTest(unittest.TestCase):
    def load(self, **changes):
        schema = Schema.load(SCHEMA_PATH)
        with tempfile.TemporaryDirectory() as data:
            os.makedirs(os.path.join(data, "corpus"))
            with open(os.path.join(data, "corpus", "c.jsonl"), "w", encoding="utf-8") as f:
                f.write(json.dumps({"text": TEXT}, ensure_ascii=False) + "\n")
            path = os.path.join(data, "pseudo.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                f.write(json.dumps(pseudo_record(0), ensure_ascii=False) + "\n")
            cfg = dataclasses.replace(load_config("tiny"), **{"pseudo_events": path, **changes})
            return schema, load_pseudo_events(cfg, data, schema, 256)

    def test_no_file_no_units(self):
        _, (units, skipped) = self.load(pseudo_events=None)
        self.assertEqual((units, skipped), ([], 0))

    def test_pseudo_records_become_team_units_marked_pseudo(self):
        schema, (units, skipped) = self.load()
        self.assertEqual(skipped, 0)
        self.assertEqual(len(units), 2)
        self.assertTrue(all(u["pseudo"] and u["team"] for u in units))
        stated, other = units
        t, trigger, args = stated["events"][0]
        self.assertEqual((schema.event_types[t], trigger), ("股份回购", None))
        self.assertEqual({(schema.roles[r], stated["text"][s:e]) for r, s, e in args},
                         {("sub-org", "示例科技股份有限公司"), ("money", "不超过5000万元")})
        self.assertEqual(other["events"], [])
        self.assertIn(t, other["known"])


class PseudoRepeatsTest(unittest.TestCase):
    def test_pseudo_units_take_their_own_repeat_and_leave_the_gold_repeats_alone(self):
        # Gold: type 0 in 16 sentences, type 1 in 4 (boosted). 40 pseudo sentences of type 1 must not make
        # type 1 common (its gold sentences keep their boost), and are shown pseudo_positive_repeat times.
        gold = [{"events": [(0, None, [])]}] * 16 + [{"events": [(1, None, [])]}] * 4 + [{"events": []}]
        pseudo = [{"events": [(1, None, [])], "pseudo": True}] * 40 + [{"events": [], "pseudo": True}]
        cfg = dataclasses.replace(load_config("tiny"), team_positive_repeat=4, team_rare_type_boost=1.5,
                                  pseudo_positive_repeat=2)
        repeats = team_repeats(gold + pseudo, cfg)
        self.assertEqual(repeats[:len(gold)], team_repeats(gold, cfg))
        self.assertEqual(repeats[16:20], [6] * 4)
        self.assertEqual(repeats[len(gold):], [2] * 40 + [1])


class SelfTrainingArmTest(unittest.TestCase):
    def test_the_arm_differs_from_team_only_in_its_folders_version_and_pseudo_labels(self):
        team, arm = dataclasses.asdict(load_config("team")), dataclasses.asdict(load_config("team_selftrain"))
        changed = {k for k in team if team[k] != arm[k]}
        self.assertEqual(changed, {"name", "cache_dir", "prepared_dir", "model_dir", "pseudo_events",
                                   "model_version"})
        self.assertTrue(arm["pseudo_events"].startswith(".data/"))
        for key in ("cache_dir", "prepared_dir", "model_dir"):
            self.assertFalse(arm[key].startswith(team["cache_dir"] + "/") or arm[key] == team["cache_dir"])


if __name__ == "__main__":
    unittest.main()
