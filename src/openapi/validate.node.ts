import { validate } from '@readme/openapi-parser';
import type { OpenApiDocument } from './normalize.ts';
import { SpecError } from './errors.ts';
import { findBrokenRef, lineOfPointer, pointerAtJsonLine, pointerInMessage, toSourcePointer } from './locate.ts';

/**
 * Validates a parsed spec against the OpenAPI schema and the parser's own rules (path
 * parameters, duplicate operationIds, ...). Throws a `SpecError` naming the file, the JSON
 * pointer and line in the author's source, and the reason.
 */
export async function validateDocument(doc: Record<string, unknown>, source: string, file: string, toAuthor: AuthorPointer = (p) => p): Promise<void> {
  const broken = findBrokenRef(doc);
  if (broken) {
    const pointer = toAuthor(broken.pointer);
    throw new SpecError({ file, pointer, line: lineOfPointer(source, pointer) }, `$ref "${broken.ref}" points at nothing.`);
  }
  // The validator dereferences its argument in place, and its code frames number the lines
  // of that dereferenced copy: keep the copy to read the frame back.
  const copy = structuredClone(doc);
  // `x-` keys are allowed in `paths`, but the parser takes them for paths without a leading slash.
  const paths = copy.paths as Record<string, unknown> | undefined;
  for (const key of Object.keys(paths ?? {})) if (key.startsWith('x-')) delete paths![key];
  const result = await validate(copy as unknown as OpenApiDocument, { validate: { errors: { colorize: false } } });
  if (result.valid) return;
  const message = result.errors[0]?.message ?? 'invalid OpenAPI document';
  throw toSpecError(message, doc, copy, source, file, toAuthor);
}

/** A pointer into the validated document → the same place in the file the author wrote (they differ for converted Swagger 2.0). */
export type AuthorPointer = (pointer: string) => string;

function toSpecError(message: string, doc: Record<string, unknown>, dereferenced: unknown, source: string, file: string, toAuthor: AuthorPointer): SpecError {
  const [headline] = message.split('\n');
  const frameLine = Number(/^>\s*(\d+)\s*\|/m.exec(message)?.[1]);
  // The caret line names the offending key: "^ type must be string", "^^^ example is not expected to be here!".
  const caret = /^\s*\|\s*\^+\s*(.+)$/m.exec(message)?.[1]?.trim();
  let pointer: string | undefined;
  if (Number.isFinite(frameLine)) {
    const inCopy = pointerAtJsonLine(dereferenced, frameLine);
    pointer = inCopy === undefined ? undefined : toSourcePointer(doc, inCopy);
  } else {
    pointer = pointerInMessage(doc, headline);
  }
  if (pointer !== undefined) pointer = toAuthor(pointer);
  const line = pointer === undefined ? undefined : lineOfPointer(source, pointer);
  const reason = caret ?? headline.replace(/^[A-Z][A-Z ]*[A-Z] (?=[a-z])/, '').trim();
  return new SpecError({ file, pointer, line }, reason);
}
