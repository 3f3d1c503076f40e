// The code samples an author wrote for an operation: `x-codeSamples` (Redoc's name, now in
// the OpenAPI extension registry) or the older `x-code-samples`, as `{ lang, label, source }`
// or ReadMe's `{ language, name, code }`. Kept exactly as written; shown before ours.
import type { CodeSample } from './types.ts';
import { SpecError } from './errors.ts';

type Json = Record<string, unknown>;

const KEYS = ['x-codeSamples', 'x-code-samples'] as const;

export function toCodeSamples(operation: Json, pointer: string, file: string): CodeSample[] | undefined {
  const key = KEYS.find((k) => operation[k] !== undefined);
  if (key === undefined) return undefined;
  const list = operation[key];
  const at = `${pointer}/${key}`;
  if (!Array.isArray(list)) throw new SpecError({ file, pointer: at }, `${key} must be a list of { lang, label, source }.`);
  return list.map((raw: unknown, i) => {
    const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Json;
    const lang = item.lang ?? item.language;
    const source = item.source ?? item.code;
    if (typeof lang !== 'string' || lang.trim() === '') throw new SpecError({ file, pointer: `${at}/${i}` }, `a code sample needs its language in \`lang\` (e.g. "curl", "Python").`);
    if (typeof source !== 'string') throw new SpecError({ file, pointer: `${at}/${i}` }, `the ${lang} code sample needs its code in \`source\`.`);
    const label = item.label ?? item.name;
    return { lang, label: typeof label === 'string' && label.trim() !== '' ? label : undefined, source };
  });
}

/** The spec-wide option `x-snippets: { generated: when-no-samples }`: ours only where the author wrote none. */
export function toGeneratedSnippets(root: Json, file: string): 'always' | 'when-no-samples' {
  const option = (root['x-snippets'] as Json | undefined)?.generated;
  if (option === undefined || option === 'always' || option === 'when-no-samples') return option ?? 'always';
  throw new SpecError({ file, pointer: '/x-snippets/generated' }, `must be "always" or "when-no-samples", not ${JSON.stringify(option)}.`);
}
