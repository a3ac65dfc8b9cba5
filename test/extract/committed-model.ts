/**
 * The trained model the model tests run against: models/finkg-small, or FINKG_TEST_MODEL_DIR (e.g. the tiny
 * model of `FINKG_TRAIN_CONFIG=tiny npm run train`, in .data/training/tiny/model).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModelDir } from '../../src/config/index.js';

export const MODEL_DIR = process.env.FINKG_TEST_MODEL_DIR ?? defaultModelDir();

/** A skip reason when the model's files are not there, else false. */
export function missingModel(...files: string[]): string | false {
  const absent = ['config.json', 'vocab.txt', ...files].filter((f) => !existsSync(join(MODEL_DIR, f)));
  return absent.length > 0 ? `model files missing in ${MODEL_DIR}: ${absent.join(', ')}` : false;
}
