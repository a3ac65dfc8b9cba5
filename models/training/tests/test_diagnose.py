"""The error analysis's bookkeeping on a hand-built sentence: gold types, and how argument errors are counted.

  .venv/bin/python -m unittest discover -s models/training/tests -t .
"""
import os
import unittest

import numpy as np

from models.training.diagnose import argument_errors, predicted_arguments, recall_by_seen, unit_gold, with_gold_types
from models.training.schema import Schema

SCHEMA = Schema.load(os.path.join(os.path.dirname(__file__), "..", "..", "..", "schemas", "events.json"))
T, R, L = len(SCHEMA.event_types), len(SCHEMA.roles), 24
PLEDGE = 0  # 质押: roles 0, 2, 5, 6 and 7 are among its valid ones
GOLD_ARGS = [(0, 0, 3), (2, 15, 18), (5, 5, 7)]


def probs(arg_spans, types=(PLEDGE,)):
    ty, trig, arg = np.zeros(T), np.zeros((T, L, 2)), np.zeros((T, L, R, 2))
    ty[list(types)] = 0.9
    for r, s, e in arg_spans:
        arg[PLEDGE, s, r, 0] = arg[PLEDGE, e - 1, r, 1] = 0.9
    return ty, trig, arg, np.zeros((L, 1, 2))


class Diagnose(unittest.TestCase):
    unit = {"doc": "d", "offset": 0, "events": [(PLEDGE, (10, 12), GOLD_ARGS)]}

    def test_gold_types_replace_the_type_head(self):
        (ty, *_), = with_gold_types([probs([], types=(1, 2))], [self.unit], T)
        self.assertEqual(np.nonzero(ty)[0].tolist(), [PLEDGE])

    def test_unit_gold_skips_a_trigger_outside_the_window(self):
        TI, TC, AI, AC = unit_gold({"events": [(PLEDGE, None, [(0, 0, 3)])]})
        self.assertEqual((TI, TC, AI, AC), (set(), set(), {(PLEDGE, 0, 3)}, {(PLEDGE, 0, 3, 0)}))

    def test_error_kinds_and_recall_on_seen_and_unseen_argument_text(self):
        record = {"id": "d", "content": "x" * L, "events": [{
            "type": SCHEMA.event_types[PLEDGE], "trigger": {"span": [10, 12], "word": "质押"},
            "args": {SCHEMA.roles[r]: [{"span": [s, e], "word": "x" * (e - s)}] for r, s, e in GOLD_ARGS}}]}
        predicted = [(0, 0, 3),    # right
                     (0, 1, 3),    # the same role's gold argument, other boundaries
                     (2, 15, 17),  # the same
                     (6, 15, 18),  # only an argument of another role
                     (7, 20, 22)]  # nothing
        dev = {"units": [self.unit], "records": [record]}
        pred = predicted_arguments([probs(predicted)], dev, SCHEMA, {"type": 0.5, "trigger": 0.5, "argument": 0.5},
                                   {"trigger": 6, "argument": 16})
        n = argument_errors(pred, [record], SCHEMA)
        self.assertEqual(n, dict(gold=3, missed=1, false_pos=4, overlap_nothing=1, boundary=2, other_role_only=1))
        # Only the 3-character argument text occurs in "train": the two gold arguments with that text are seen.
        train = [{"text": "abc", "events": [(PLEDGE, None, [(0, 0, 3)])]}]
        record["content"] = "abc" + "x" * 12 + "abc" + "x" * 6
        recall = recall_by_seen(pred, [record], train, SCHEMA)
        self.assertEqual(recall["all"], {"seen": {"gold": 2, "recall": 50.0}, "unseen": {"gold": 1, "recall": 0.0}})
        self.assertEqual(recall[SCHEMA.roles[0]], {"seen": {"gold": 1, "recall": 100.0}})


if __name__ == "__main__":
    unittest.main()
