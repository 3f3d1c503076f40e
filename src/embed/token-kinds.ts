import type { TokenKind } from './payload.ts';

/** Characters that could end, escape, format or interpolate inside a string of that kind. */
export const FORBIDDEN: Record<Exclude<TokenKind, 0>, RegExp> = {
  1: /['"`\\\n\r$%{}]/,
  2: /['\n\r]/,
};
