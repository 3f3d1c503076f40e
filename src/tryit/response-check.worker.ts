// Checks answers against their documented schemas off the main thread: the API's schemas load
// here on the first answer, and indexing a big spec's named schemas and checking a long answer
// (Stripe's responses reach most of its 775 named schemas) never hold up typing or rendering.
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { createResponseChecker, type ResponseChecker, type ResponseSchemas } from './response-schemas.ts';
import type { FormatDefinitions } from './interpret-schema.ts';
import type { CheckReply, CheckRequest } from './check-in-worker.ts';

const checkers = new Map<string, Promise<ResponseChecker>>();
const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<CheckRequest>) => void) | null; postMessage(reply: CheckReply): void };

scope.onmessage = async ({ data }) => {
  let checker = checkers.get(data.url);
  if (!checker) {
    checker = fetch(data.url).then(async (response) => {
      if (!response.ok) throw new Error(`${data.url}: ${response.status}`);
      return createResponseChecker((await response.json()) as ResponseSchemas, fullFormats as FormatDefinitions);
    });
    checkers.set(data.url, checker);
  }
  try {
    scope.postMessage({ id: data.id, check: (await checker)(data.operation, data.status, data.contentType, data.values) });
  } catch (error) {
    checkers.delete(data.url);
    scope.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) });
  }
};
