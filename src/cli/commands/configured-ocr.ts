import { readSetting } from '../../config/index.js';
import { type OcrLimits, ocrLimitsOf } from '../../parse/index.js';

/**
 * OCR as OCR_ENABLED, OCR_MAX_PAGES and OCR_TIMEOUT_SECONDS set it, for `finkg parse` and `finkg extract`:
 * read alone, so that settings a command does not use cannot stop it.
 */
export function configuredOcr(): OcrLimits | false {
  return ocrLimitsOf({
    ocrEnabled: readSetting('ocrEnabled'),
    ocrMaxPages: readSetting('ocrMaxPages'),
    ocrTimeoutSeconds: readSetting('ocrTimeoutSeconds'),
  });
}
