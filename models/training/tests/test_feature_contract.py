"""The feature contract's check: word features and knowledge marks of another version are refused, naming both.

  .venv/bin/python -m unittest discover -s models/training/tests -t .
"""
import unittest

from models.training.feature_contract import (KNOWLEDGE_FEATURES_VERSION, WORD_FEATURES_VERSION,
                                              FeatureContractError, check_versions)


class FeatureContractTest(unittest.TestCase):
    def test_the_contracts_versions_pass(self):
        check_versions("cache", WORD_FEATURES_VERSION, KNOWLEDGE_FEATURES_VERSION)
        check_versions("features without marks", WORD_FEATURES_VERSION)

    def test_other_word_features_are_refused_naming_both_versions(self):
        with self.assertRaises(FeatureContractError) as e:
            check_versions("cache", "jieba-old", KNOWLEDGE_FEATURES_VERSION)
        self.assertIn(f"word features jieba-old (the contract: {WORD_FEATURES_VERSION})", str(e.exception))
        self.assertNotIn("knowledge marks", str(e.exception))

    def test_other_knowledge_marks_are_refused_naming_both_versions(self):
        with self.assertRaisesRegex(FeatureContractError,
                                    f"knowledge marks marks-v0 \\(the contract: {KNOWLEDGE_FEATURES_VERSION}\\)"):
            check_versions("cache", WORD_FEATURES_VERSION, "marks-v0")

    def test_missing_word_features_version_is_refused(self):
        with self.assertRaisesRegex(FeatureContractError, "word features None"):
            check_versions("cache", None)


if __name__ == "__main__":
    unittest.main()
