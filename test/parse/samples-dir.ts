import { fileURLToPath } from 'node:url';

/** Tests run from dist/test/parse/, the committed samples live at the repository root. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../../samples/', import.meta.url));
