/**
 * Reads the inputs of `finkg extract` into records of { id, content }: plain text (one document), a PDF
 * (its text layer, via pdf-parse) or JSON Lines of {"id","content"} (a .json file may also hold one array).
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { extractPdfText } from '../parse/index.js';

export type InputFormat = 'text' | 'pdf' | 'jsonl';

export interface InputRecord {
  id: string;
  content: string;
}

export function inputFormatFromPath(path: string): InputFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.jsonl' || ext === '.json') return 'jsonl';
  return 'text';
}

export function parseInputFormat(value: string): InputFormat {
  if (value !== 'text' && value !== 'pdf' && value !== 'jsonl') {
    throw new Error(`input format must be text, pdf or jsonl, got ${value}`);
  }
  return value;
}

function toRecord(value: unknown, where: string): InputRecord {
  if (typeof value !== 'object' || value === null) throw new Error(`${where}: expected an object`);
  const { id, content } = value as { id?: unknown; content?: unknown };
  if (typeof content !== 'string') throw new Error(`${where}: "content" must be a string`);
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') {
    throw new Error(`${where}: "id" must be a string`);
  }
  return { id: id === undefined ? where : String(id), content };
}

export function parseJsonRecords(text: string, name: string): InputRecord[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    const list = JSON.parse(trimmed) as unknown;
    if (!Array.isArray(list)) throw new Error(`${name}: expected a JSON array`);
    return list.map((v, i) => toRecord(v, `${name}:${i + 1}`));
  }
  const records: InputRecord[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${name}:${i + 1}: invalid JSON (${(error as Error).message})`);
    }
    records.push(toRecord(value, `${name}:${i + 1}`));
  });
  return records;
}

/** The PDF's text layer, page after page, read by the parser's PDF reader (CMaps included). */
async function pdfText(data: Uint8Array): Promise<string> {
  const pdf = await extractPdfText(data, { maxPages: Number.MAX_SAFE_INTEGER, tables: false });
  return pdf.pages.map((p) => p.text).join('\n');
}

/** Records from raw bytes in the given format; `name` is the id of a text or PDF document. */
export async function readRecords(data: Buffer, format: InputFormat, name: string): Promise<InputRecord[]> {
  if (format === 'pdf') return [{ id: name, content: await pdfText(new Uint8Array(data)) }];
  const text = data.toString('utf8');
  if (format === 'jsonl') return parseJsonRecords(text, name);
  return [{ id: name, content: text }];
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Read `path` ('-' = stdin) into records; the format comes from the extension unless given. */
export async function readInput(path: string, format?: InputFormat): Promise<InputRecord[]> {
  if (path === '-') return readRecords(await readStdin(), format ?? 'text', 'stdin');
  return readRecords(await readFile(path), format ?? inputFormatFromPath(path), basename(path));
}
