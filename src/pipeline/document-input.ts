/**
 * What `finkg extract` reads: document files (PDF, HTML, text) and folders of them, or JSON Lines of
 * documents {"id", "title"?, "text"} (FewFC's sentence records {"id", "content"} too). A file's id is its
 * name without the extension.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { collectFiles, mimeTypeOf } from '../ingest/index.js';

export type InputFormat = 'document' | 'jsonl';

/** One document to read: its bytes as a file would hold them. */
export interface InputDocument {
  id: string;
  bytes: Uint8Array;
  fileName: string;
  mimeType?: string;
  title?: string;
}

export function inputFormatFromPath(path: string): InputFormat {
  const ext = extname(path).toLowerCase();
  return ext === '.jsonl' || ext === '.json' ? 'jsonl' : 'document';
}

export function parseInputFormat(value: string): InputFormat {
  if (value !== 'document' && value !== 'jsonl')
    throw new Error(`input format must be document or jsonl, got ${value}`);
  return value;
}

function toDocument(value: unknown, where: string): InputDocument {
  if (typeof value !== 'object' || value === null) throw new Error(`${where}: expected an object`);
  const { id, title, text, content } = value as Record<string, unknown>;
  const body = text ?? content;
  if (typeof body !== 'string') throw new Error(`${where}: "text" (or "content") must be a string`);
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number')
    throw new Error(`${where}: "id" must be a string`);
  if (title !== undefined && typeof title !== 'string') throw new Error(`${where}: "title" must be a string`);
  const name = id === undefined ? where : String(id);
  // The title is part of what the document says: the model and the assembly read it first.
  const whole = title && !body.startsWith(title) ? `${title}\n${body}` : body;
  return {
    id: name,
    bytes: new TextEncoder().encode(whole),
    fileName: `${name}.txt`,
    mimeType: 'text/plain',
    ...(title ? { title } : {}),
  };
}

/** Documents of a JSON Lines text (or a JSON array); `name` names the source in errors. */
export function parseJsonDocuments(text: string, name: string): InputDocument[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    const list = JSON.parse(trimmed) as unknown;
    if (!Array.isArray(list)) throw new Error(`${name}: expected a JSON array`);
    return list.map((v, i) => toDocument(v, `${name}:${i + 1}`));
  }
  const documents: InputDocument[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${name}:${i + 1}: invalid JSON (${(error as Error).message})`);
    }
    documents.push(toDocument(value, `${name}:${i + 1}`));
  });
  return documents;
}

function fileDocument(bytes: Uint8Array, path: string): InputDocument {
  const fileName = basename(path);
  const mimeType = mimeTypeOf(fileName);
  return { id: basename(fileName, extname(fileName)), bytes, fileName, ...(mimeType ? { mimeType } : {}) };
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads the given files and folders ('-' = stdin, a text document unless `format` says jsonl) into documents. */
export async function readInputs(paths: readonly string[], format?: InputFormat): Promise<InputDocument[]> {
  const documents: InputDocument[] = [];
  for (const path of paths) {
    if (path === '-') {
      const data = await readStdin();
      if (format === 'jsonl') documents.push(...parseJsonDocuments(data.toString('utf8'), 'stdin'));
      else
        documents.push({
          id: 'stdin',
          bytes: new Uint8Array(data),
          fileName: 'stdin.txt',
          mimeType: 'text/plain',
        });
      continue;
    }
    for (const file of await collectFiles([path])) {
      const data = await readFile(file);
      if ((format ?? inputFormatFromPath(file)) === 'jsonl')
        documents.push(...parseJsonDocuments(data.toString('utf8'), basename(file)));
      else documents.push(fileDocument(new Uint8Array(data), file));
    }
  }
  return documents;
}
