import { LineCounter, parseDocument } from 'yaml';
import { decodePointerToken, encodePointerToken } from './schema.ts';

/**
 * The validator reports places as a code frame over `JSON.stringify(doc, null, 2)`.
 * Replays that layout to turn the frame's line number back into a JSON pointer.
 */
export function pointerAtJsonLine(doc: unknown, line: number): string | undefined {
  let current = 1;
  let found: string | undefined;
  const visit = (value: unknown, pointer: string): void => {
    if (found !== undefined) return;
    if (current === line) found = pointer;
    if (typeof value !== 'object' || value === null) return;
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return;
    for (const [key, child] of entries) {
      current++;
      visit(child, `${pointer}/${encodePointerToken(key)}`);
      if (found !== undefined) return;
    }
    current++; // closing bracket
  };
  visit(doc, '');
  return found;
}

/** 1-based line of the node at `pointer` in YAML or JSON source, if it exists. */
export function lineOfPointer(source: string, pointer: string): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  const path = pointer.split('/').slice(1).map(decodePointerToken);
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
