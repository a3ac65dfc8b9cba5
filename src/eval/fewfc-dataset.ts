/** Reads FewFC splits (JSON Lines, one sentence per line) from the datasets folder; never copied into the repo. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FewfcRecord } from '../extract/fewfc-format.js';

export function fewfcSplitPath(datasetsDir: string, split: string): string {
  if (!/^[a-z]+$/.test(split)) throw new Error(`bad split name ${split}`);
  return join(datasetsDir, 'fewfc', `${split}.json`);
}

export async function readFewfcSplit(datasetsDir: string, split: string): Promise<FewfcRecord[]> {
  const path = fewfcSplitPath(datasetsDir, split);
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const record = JSON.parse(line) as FewfcRecord;
      if (typeof record.content !== 'string' || !Array.isArray(record.events)) {
        throw new Error(`${path}:${i + 1}: not a FewFC record`);
      }
      return record;
    });
}
