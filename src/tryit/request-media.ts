import type { Operation } from '../openapi/index.ts';

const PREFERRED = ['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded'];

/** The request body's media type the console edits (the same choice src/request makes for snippets). */
export function bodyMediaType(op: Operation): string | undefined {
  const types = op.requestBody?.content.map((c) => c.type) ?? [];
  const rank = (t: string) => {
    const i = PREFERRED.indexOf(t);
    return i === -1 ? (/\+json$/.test(t) ? 0.5 : PREFERRED.length) : i;
  };
  return [...types].sort((a, b) => rank(a) - rank(b))[0];
}
