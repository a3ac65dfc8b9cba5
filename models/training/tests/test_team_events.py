"""The team's document-level annotations as sentence units, and finetuning a model on more labels than it has.

  .venv/bin/python -m unittest models.training.tests.test_team_events
"""
import dataclasses
import json
import os
import tempfile
import unittest

import torch

from models.training.config import ROOT, load_config
from models.training.model import FinKGEncoder, ModelConfig
from models.training.schema import Schema
from models.training.team_events import load_team_events, pick_role, sentence_windows
from models.training.train import team_repeats, widen_label_rows

SCHEMA_PATH = os.path.join(ROOT, "schemas", "events.json")
TEXT = ("本公告于2024年3月1日披露。示例科技股份有限公司拟以不超过5000万元回购公司股份。"
        "示例科技股份有限公司称资金来自自有资金。行业景气度继续回升。")


def annotated(start_of, role_text):
    return [{"role": role, "argument": text, "start": start_of(text), "end": start_of(text) + len(text)}
            for role, text in role_text]


class TeamEventsTest(unittest.TestCase):
    def units(self):
        schema = Schema.load(SCHEMA_PATH)
        with tempfile.TemporaryDirectory() as data:
            os.makedirs(os.path.join(data, "corpus"))
            with open(os.path.join(data, "corpus", "c.jsonl"), "w", encoding="utf-8") as f:
                f.write(json.dumps({"text": "无关的一行。"}, ensure_ascii=False) + "\n")
                f.write(json.dumps({"text": TEXT}, ensure_ascii=False) + "\n")
            args = annotated(TEXT.index, [("回购方", "示例科技股份有限公司"), ("交易金额", "不超过5000万元"),
                                          ("披露时间", "2024年3月1日")])
            record = {"id": "corpus:c:1", "source": "corpus/c.jsonl:1", "split": "train", "scope": "events",
                      "events": [{"event_type": "股份回购", "arguments": args}]}
            held_out = {**record, "id": "corpus:c:0", "source": "corpus/c.jsonl:0", "split": "held-out"}
            path = os.path.join(data, "events.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                for r in (record, held_out):
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            units, skipped = load_team_events(path, data, schema, 256)
        return schema, units, skipped

    def test_sentences_carry_the_arguments_stated_in_them(self):
        schema, units, skipped = self.units()
        self.assertEqual(skipped, 0)
        self.assertEqual([u["text"] for u in units], [TEXT[s:e] for s, e in sentence_windows(TEXT, 256)])
        buyback = schema.type_index["股份回购"]
        first, stated, repeated, other = units
        # Only the disclosure date is in the first sentence: whether it tells the buy-back is left open.
        self.assertNotIn(buyback, first["known"])
        self.assertEqual(first["events"], [])
        t, trigger, args = stated["events"][0]
        self.assertEqual((t, trigger), (buyback, None))
        self.assertEqual({(schema.roles[r], stated["text"][s:e]) for r, s, e in args},
                         {("sub-org", "示例科技股份有限公司"), ("money", "不超过5000万元")})
        # The party's name said again, not where the annotators marked it: neither positive nor negative.
        self.assertNotIn(buyback, repeated["known"])
        self.assertIn(buyback, other["known"])
        self.assertEqual(len(other["known"]), len(schema.event_types))
        self.assertTrue(all(u["team"] and u["doc"] == "corpus:c:1" for u in units))

    def test_a_party_role_split_by_kind_takes_the_person_or_the_organisation(self):
        self.assertEqual(pick_role(["sub-org", "sub-per"], "张伟"), "sub-per")
        self.assertEqual(pick_role(["sub-org", "sub-per"], "中信证券"), "sub-org")
        self.assertEqual(pick_role(["sub-org", "sub-per"], "示例科技股份有限公司"), "sub-org")
        self.assertEqual(pick_role(["institution"], "证监会"), "institution")


class WidenLabelsTest(unittest.TestCase):
    def test_trained_rows_move_to_their_names_and_new_rows_keep_their_init(self):
        torch.manual_seed(0)
        small = ModelConfig(vocab_size=30, n_layer=1, d_model=8, n_head=2, d_ff=16, max_len=8, n_types=2,
                            n_roles=2, n_entities=1)
        old = FinKGEncoder(small)
        wide = FinKGEncoder(ModelConfig(**{**small.__dict__, "n_types": 3, "n_roles": 3}))
        schema = Schema(event_types=["质押", "解除质押", "投资"], event_keys=["a", "b", "c"],
                        roles=["sub", "price", "obj"], entity_types=["company"],
                        valid_roles=[["sub"], ["sub", "price"], ["obj"]], trained_on=[["fewfc"], ["team"], ["fewfc"]],
                        document_types=["质押", "解除质押", "投资"], document_roles=[{}, {}, {}])
        labels = {"eventTypes": ["投资", "质押"], "roles": ["obj", "sub"], "entityTypes": ["company"]}
        state = widen_label_rows(wide, old.state_dict(), labels, schema)
        o = old.state_dict()
        self.assertTrue(torch.equal(state["type_head.weight"][0], o["type_head.weight"][1]))  # 质押
        self.assertTrue(torch.equal(state["type_head.weight"][2], o["type_head.weight"][0]))  # 投资
        self.assertTrue(torch.equal(state["type_head.weight"][1], wide.state_dict()["type_head.weight"][1]))
        # A new type's conditioning starts from the trained type it reads most like (解除质押 from 质押).
        self.assertTrue(torch.equal(state["type_emb.weight"][1], o["type_emb.weight"][1]))
        self.assertTrue(torch.equal(state["argument_head.weight"][0:2], o["argument_head.weight"][2:4]))  # sub
        self.assertTrue(torch.equal(state["argument_head.weight"][4:6], o["argument_head.weight"][0:2]))  # obj
        self.assertTrue(torch.equal(state["argument_head.bias"][2:4], wide.state_dict()["argument_head.bias"][2:4]))
        wide.load_state_dict(state)


if __name__ == "__main__":
    unittest.main()


class TeamRepeatsTest(unittest.TestCase):
    def test_rare_types_are_shown_more_within_the_cap(self):
        # Type 0 has 16 sentences, type 1 four (median 10): type 1 is boosted by sqrt(10 / 4), capped at 1.5.
        units = [{"events": [(0, None, [])]}] * 16 + [{"events": [(1, None, [])]}] * 4 + [{"events": []}]
        cfg = dataclasses.replace(load_config("tiny"), team_positive_repeat=4, team_rare_type_boost=1.5)
        repeats = team_repeats(units, cfg)
        self.assertEqual(repeats[:16], [4] * 16)
        self.assertEqual(repeats[16:20], [6] * 4)
        self.assertEqual(repeats[20], 1)
        no_boost = dataclasses.replace(cfg, team_rare_type_boost=1.0)
        self.assertEqual(set(team_repeats(units, no_boost)[:20]), {4})

