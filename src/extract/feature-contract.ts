/**
 * The feature contract between training and serving: a model reads the word features (word-features.ts) and, when
 * it takes `kb_ids`, the knowledge marks (knowledge-features.ts) it was trained on. Export writes both versions into
 * config.json (`features.version`, `features.knowledge.version`) from models/training/feature_contract.py, which
 * holds the same constants as these modules (test/models/feature-contract.test.ts checks that they agree).
 */
import { KNOWLEDGE_FEATURES_VERSION } from './knowledge-features.js';
import type { ModelConfig } from './types.js';
import { POS_TAGS, WORD_FEATURES_VERSION } from './word-features.js';

/** Which feature inputs the model's graph takes. */
export interface FeatureInputs {
  wordFeatures: boolean;
  knowledge: boolean;
}

/** Why this build cannot serve the model (its features differ from the ones it was trained on), if it cannot. */
export function featureContractMismatch(
  config: Pick<ModelConfig, 'wordFeaturesVersion' | 'knowledgeVersion' | 'posTags'>,
  inputs: FeatureInputs,
): string | undefined {
  const differences: string[] = [];
  if (inputs.wordFeatures && config.wordFeaturesVersion !== WORD_FEATURES_VERSION) {
    differences.push(
      `word features ${config.wordFeaturesVersion ?? '(none)'} differ from ${WORD_FEATURES_VERSION}`,
    );
  }
  if (config.posTags.length > 0 && config.posTags.join(' ') !== POS_TAGS.join(' ')) {
    differences.push('pos_tags differ from word-features POS_TAGS');
  }
  if (inputs.knowledge && config.knowledgeVersion !== KNOWLEDGE_FEATURES_VERSION) {
    differences.push(
      `knowledge features ${config.knowledgeVersion ?? '(none)'} differ from ${KNOWLEDGE_FEATURES_VERSION}`,
    );
  }
  if (differences.length === 0) return undefined;
  return `config.json ${differences.join('; ')} (the model's, then this build's): the model was trained on other features; serve it with the build it was trained with, or train it again`;
}
