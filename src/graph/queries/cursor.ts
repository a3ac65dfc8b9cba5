import { type GraphReader, readRows, type Statement, str } from './statement.js';

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

/** How a cursor-paged list is read: its statement, and for unnarrowed lists the undated tail. */
export interface PagedList {
  limit: number;
  cursor: string | undefined;
  /** The field of a row holding the listed item (which carries `id`); rows also carry `sortKey`. */
  item: string;
  /** The page's statement; for an unnarrowed list, its dated part read in date-index order. */
  statement: () => Statement;
  /** Unnarrowed lists: the undated items after the dated ones, at most `remaining` of them. */
  undated?: (remaining: number) => Statement;
}

/**
 * One page of rows (statements ask for limit + 1 to know whether more follow) and the cursor after it.
 * An unnarrowed list reads its dated part first and tops the page up with undated items; once the
 * cursor is past the dated part (its sort key is ''), only the undated part is read.
 */
export async function readCursorPage(
  reader: GraphReader,
  list: PagedList,
): Promise<{ rows: Record<string, unknown>[]; nextCursor: string | null }> {
  const pastDated =
    list.undated !== undefined && list.cursor !== undefined && decodeCursor(list.cursor).sortKey === '';
  const [rows = []] = pastDated ? [] : await readRows(reader, list.statement());
  if (list.undated && rows.length <= list.limit) {
    const [undated = []] = await readRows(reader, list.undated(list.limit + 1 - rows.length));
    rows.push(...undated);
  }
  const page = rows.slice(0, list.limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      rows.length > list.limit && last
        ? encodeCursor({
            sortKey: str(last.sortKey) ?? '',
            id: String((last[list.item] as { id: unknown }).id),
          })
        : null,
  };
}
