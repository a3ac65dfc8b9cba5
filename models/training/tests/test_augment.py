"""Mention replacement on hand-built sentences: offsets, what is replaced and what is left alone.

  .venv/bin/python -m unittest discover -s models/training/tests -t .
"""
import random
import unittest

from models.training.augment import replace_mentions

SUB_ORG, OBJ_ORG, SUB_PER, COLLATERAL = 0, 2, 1, 5
KINDS = {SUB_ORG: "org", OBJ_ORG: "org", SUB_PER: "person", COLLATERAL: "value"}
POOLS = {"org": ["新华控股有限公司"], "person": ["王五"]}


def unit(text, trigger, args):
    """args: (role, substring, occurrence index)."""
    def find(sub, k=0):
        i = -1
        for _ in range(k + 1):
            i = text.index(sub, i + 1)
        return i, i + len(sub)
    spans = [(r, *find(sub, k)) for r, sub, k in args]
    return {"doc": "d", "rec": 0, "offset": 0, "text": text, "events": [(0, find(trigger), spans)]}


def texts(copy):
    (_, tr, args), = copy["events"]
    return copy["text"][tr[0]:tr[1]], [(r, copy["text"][s:e]) for r, s, e in args]


class ReplaceMentions(unittest.TestCase):
    def copy(self, u):
        return replace_mentions(u, KINDS, POOLS, random.Random(0), 256)

    def test_parties_are_replaced_and_every_other_span_moves_with_them(self):
        u = unit("甲公司将所持股份质押给乙银行,张三表示同意。", "质押",
                 [(SUB_ORG, "甲公司", 0), (OBJ_ORG, "乙银行", 0), (COLLATERAL, "股份", 0), (SUB_PER, "张三", 0)])
        c = self.copy(u)
        self.assertEqual(c["text"], "新华控股有限公司将所持股份质押给新华控股有限公司,王五表示同意。")
        trigger, args = texts(c)
        self.assertEqual(trigger, "质押")
        self.assertEqual(args, [(SUB_ORG, "新华控股有限公司"), (OBJ_ORG, "新华控股有限公司"), (COLLATERAL, "股份"),
                                (SUB_PER, "王五")])
        self.assertEqual(sorted(c["replaced"]), [(0, 8), (16, 24), (25, 27)])

    def test_every_occurrence_of_a_name_changes_and_an_argument_holding_it_keeps_it(self):
        u = unit("甲公司公告,甲公司所持乙公司股权被质押。", "质押",
                 [(SUB_ORG, "甲公司", 1), (COLLATERAL, "甲公司所持乙公司股权", 0)])
        c = self.copy(u)
        self.assertEqual(c["text"], "新华控股有限公司公告,新华控股有限公司所持乙公司股权被质押。")
        self.assertEqual(texts(c)[1], [(SUB_ORG, "新华控股有限公司"), (COLLATERAL, "新华控股有限公司所持乙公司股权")])

    def test_a_name_that_another_span_cuts_through_or_a_trigger_holds_stays(self):
        cut = unit("甲乙公司质押股份", "质押", [(SUB_ORG, "甲乙公司", 0), (COLLATERAL, "乙公司质押股份", 0)])
        self.assertIsNone(self.copy(cut))
        in_trigger = unit("公司起诉公诉人", "起诉", [(SUB_ORG, "起诉", 0)])
        self.assertIsNone(self.copy(in_trigger))

    def test_a_string_also_annotated_as_a_value_is_no_name(self):
        u = unit("股权质押给乙银行", "质押", [(SUB_ORG, "股权", 0), (COLLATERAL, "股权", 0), (OBJ_ORG, "乙银行", 0)])
        self.assertEqual(self.copy(u)["text"], "股权质押给新华控股有限公司")

    def test_a_copy_longer_than_the_model_takes_is_dropped(self):
        u = unit("甲公司质押", "质押", [(SUB_ORG, "甲公司", 0)])
        self.assertIsNone(replace_mentions(u, KINDS, POOLS, random.Random(0), 8))


if __name__ == "__main__":
    unittest.main()
