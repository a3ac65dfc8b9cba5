const HAS_CJK = /[\u3400-\u9fff]/;

/**
 * Header fields are parsed from the simplified model text. For Traditional sources, report each
 * string as written in the source: with a 1:1 model text, the same offsets hold the original.
 */
export function restoreSourceStrings<T>(value: T, modelText: string, text: string): T {
  if (modelText === text || modelText.length !== text.length) return value;
  const restore = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!HAS_CJK.test(v)) return v;
      const at = modelText.indexOf(v);
      return at < 0 ? v : text.slice(at, at + v.length);
    }
    if (Array.isArray(v)) return v.map(restore);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, restore(inner)]));
    }
    return v;
  };
  return restore(value) as T;
}
