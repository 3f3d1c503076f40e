// The embed's entry (`/embed/snippets.js`): included as a module script on any page. Chunks and
// snippet JSON are fetched from beside this file, whichever origin serves it.
import { startEmbed } from './start-embed.ts';

// Two copies of the script on one page (an old and a new URL) must not mount widgets twice.
const KEY = Symbol.for('api-docs.snippets-embed');
const scope = globalThis as unknown as Record<symbol, boolean>;
if (!scope[KEY]) {
  scope[KEY] = true;
  startEmbed(document, new URL('.', import.meta.url));
}
