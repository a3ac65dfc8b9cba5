import { randomUUID } from 'node:crypto';

/** A multipart/form-data body for `app.inject`, with text fields and at most one file. */
export function multipartBody(
  fields: Record<string, string>,
  file?: { field?: string; name: string; type: string; bytes: Uint8Array },
  order: 'fields-first' | 'file-first' = 'fields-first',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----finkg${randomUUID()}`;
  const fieldChunks: Buffer[] = [];
  const fileChunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    fieldChunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        'utf8',
      ),
    );
  }
  if (file) {
    fileChunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type}\r\n\r\n`,
        'utf8',
      ),
      Buffer.from(file.bytes),
      Buffer.from('\r\n', 'utf8'),
    );
  }
  const chunks = order === 'fields-first' ? [...fieldChunks, ...fileChunks] : [...fileChunks, ...fieldChunks];
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
