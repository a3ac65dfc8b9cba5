"""Config overrides from the command line: `--config NAME --key=value`, each value read as its field's type.

  .venv/bin/python -m unittest discover -s models/training/tests -t .
"""
import argparse
import contextlib
import io
import os
import subprocess
import sys
import unittest

from models.training.config import ROOT, Config, ConfigError, load_config, parse_args, with_overrides


class OverrideTest(unittest.TestCase):
    def test_values_take_their_fields_types(self):
        cfg = with_overrides(Config(), ["--ft_max_steps=20", "--ft_lr=1e-4", "--use_knowledge=false",
                                        "--ema_decay=0.99", "--name=trial", "--max_span={\"trigger\": 4}"])
        self.assertEqual((cfg.ft_max_steps, cfg.ft_lr, cfg.use_knowledge, cfg.ema_decay, cfg.name, cfg.max_span),
                         (20, 1e-4, False, 0.99, "trial", {"trigger": 4}))
        self.assertIsInstance(cfg.ft_max_steps, int)

    def test_an_optional_field_takes_none(self):
        cfg = with_overrides(Config(ft_dropout=0.0, init_ckpt="x.pt"), ["--ft_dropout=none", "--init_ckpt=None"])
        self.assertIsNone(cfg.ft_dropout)
        self.assertIsNone(cfg.init_ckpt)

    def test_no_override_leaves_the_named_config_as_it_is(self):
        self.assertEqual(load_config("team"), load_config("team", []))
        self.assertEqual(load_config("team", ["--ft_max_steps=20"]).init_ckpt, load_config("team").init_ckpt)

    def test_an_unknown_key_names_the_close_ones(self):
        with self.assertRaisesRegex(ConfigError, r"unknown config key 'ft_max_step'.*ft_max_steps"):
            with_overrides(Config(), ["--ft_max_step=20"])

    def test_a_value_of_the_wrong_type_is_refused(self):
        for arg in ("--ft_max_steps=2.5", "--use_knowledge=maybe", "--seed=none", "--max_span=[1]"):
            with self.subTest(arg=arg), self.assertRaises(ConfigError):
                with_overrides(Config(), [arg])

    def test_an_override_without_a_value_is_refused(self):
        with self.assertRaisesRegex(ConfigError, "--key=value"):
            with_overrides(Config(), ["--ft_max_steps", "20"])

    def test_an_unknown_config_lists_the_configs(self):
        with self.assertRaisesRegex(ConfigError, r"no config 'tinny'.*\btiny\b"):
            load_config("tinny")

    def test_entry_point_options_and_overrides_side_by_side(self):
        ap = argparse.ArgumentParser()
        ap.add_argument("--stage", default="all")
        args, cfg = parse_args(ap, ["--config", "tiny", "--stage", "finetune", "--ft_max_steps=3"])
        self.assertEqual((args.stage, cfg.name, cfg.ft_max_steps), ("finetune", "tiny", 3))
        # No abbreviation of an entry point's own option swallows an override.
        ap = argparse.ArgumentParser()
        ap.add_argument("--seed_file")
        args, cfg = parse_args(ap, ["--config", "tiny", "--seed=7"])
        self.assertEqual((args.seed_file, cfg.seed), (None, 7))

    def test_an_entry_point_stops_on_an_unknown_key(self):
        r = subprocess.run([sys.executable, "-m", "models.training.prepare", "--config", "tiny", "--limit_trian=5"],
                           cwd=ROOT, capture_output=True, text=True, env={**os.environ, "DATASETS_DIR": "/nonexistent"})
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("unknown config key 'limit_trian'; close names: limit_train", r.stderr)

    def test_a_parse_error_exits_with_usage(self):
        with contextlib.redirect_stderr(io.StringIO()) as err, self.assertRaises(SystemExit):
            parse_args(argparse.ArgumentParser(), ["--config", "tiny", "--nope=1"])
        self.assertIn("unknown config key 'nope'", err.getvalue())


if __name__ == "__main__":
    unittest.main()
