// @ts-check
// Expressive Code (Starlight's code blocks in guides) highlights with its own Shiki, which stops a
// line after `tokenizeTimeLimit` ms of wall-clock time (500 by default) and leaves the rest of the
// block unscoped: a busy build coloured the same guide code differently (issue 11). Our own
// highlighter in src/highlight/ sets no limit for the same reason; this does the same for guides.
// The option can only be set through a transformer's `preprocess` hook, which receives the
// options Expressive Code passes to `codeToTokensBase`.
import { defineEcConfig } from '@astrojs/starlight/expressive-code';

/** @type {import('@shikijs/types').ShikiTransformer} */
const noTokenizeTimeLimit = {
  name: 'no-tokenize-time-limit',
  preprocess(_code, options) {
    options.tokenizeTimeLimit = 0;
  },
};

export default defineEcConfig({ shiki: { transformers: [noTokenizeTimeLimit] } });
