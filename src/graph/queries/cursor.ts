/** Thrown for a cursor that this API did not hand out (or that was altered). */
export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not valid; pass the nextCursor of a previous page unchanged');
    this.name = new.target.name;
  }
}

/** Position after the last row of a page: its sort key (date, '' when undated) and id. */
export interface CursorPosition {
  sortKey: string;
  id: string;
}

/** Opaque to clients: base64url of a small JSON pair. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sortKey, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string'
  ) {
    throw new InvalidCursorError();
  }
  return { sortKey: parsed[0], id: parsed[1] };
}
