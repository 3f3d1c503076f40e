// Build time: Ajv's standalone mode turns an operation's schemas into one small ES module
// (parameters, request body, each documented response), so the browser ships no Ajv.
// The helpers the generated code needs (deep equal, string length, formats) come from one
// shared runtime module, fetched once for all pages.
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import type { ApiModel, JsonSchema, Operation } from '../openapi/index.ts';
import { schemaRefName } from '../openapi/index.ts';
import { bodyMediaType } from './request-media.ts';

const COMPONENTS_ID = 'components';
/** How the generated code asks for its helpers, and what the runtime module exports for each. */
const RUNTIME_REQUIRES: Array<[RegExp, string]> = [
  [/require\("ajv\/dist\/runtime\/equal"\)\.default/g, '__rt.equal'],
  [/require\("ajv\/dist\/runtime\/ucs2length"\)\.default/g, '__rt.ucs2length'],
  [/require\("ajv\/dist\/runtime\/uri"\)\.default/g, '__rt.uri'],
  [/require\("ajv-formats\/dist\/formats"\)\.fullFormats/g, '__rt.formats'],
];

/** Source of the runtime module the validators import (bundled by `ajv-runtime.node.ts`). */
export const RUNTIME_ENTRY = [
  'export { default as equal } from "ajv/dist/runtime/equal";',
  'export { default as ucs2length } from "ajv/dist/runtime/ucs2length";',
  'export { default as uri } from "ajv/dist/runtime/uri";',
  'export { fullFormats as formats } from "ajv-formats/dist/formats";',
].join('\n');

/** `"200 application/json"` → the response validator's export name. */
export type ResponseKeys = Record<string, string>;

/**
 * The module's exports: `params` (object keyed by field id, `path:id`), `body` (when the
 * operation has a JSON or multipart body) and `responses` (`"<status> <media type>"` → validator).
 */
export function compileValidators(api: ApiModel, op: Operation, runtimeUrl: string): string {
  const ajv = new Ajv2020({ code: { source: true, esm: true }, allErrors: true, strict: false, logger: false, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema({ $id: COMPONENTS_ID, components: { schemas: reachable(api.schemas, op) } } as object);
  const exports: Record<string, string> = {};
  const add = (name: string, schema: JsonSchema) => {
    ajv.addSchema({ ...(withRefs(schema) as object), $id: name });
    exports[name] = name;
  };

  const params = op.parameters.filter((p) => p.in !== 'cookie');
  add('params', {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [`${p.in}:${p.name}`, p.schema])),
    required: params.filter((p) => p.required).map((p) => `${p.in}:${p.name}`),
  });
  const media = bodyMediaType(op);
  const bodySchema = op.requestBody?.content.find((c) => c.type === media)?.schema;
  if (bodySchema) add('body', bodySchema);

  const responses: ResponseKeys = {};
  op.responses.forEach((response) => {
    response.content.forEach((content) => {
      if (!content.schema) return;
      const name = `r${Object.keys(responses).length}`;
      add(name, content.schema);
      responses[`${response.status} ${content.type}`] = name;
    });
  });

  let code = standaloneCode(ajv, exports).replace(/^"use strict";/, '');
  for (const [pattern, replacement] of RUNTIME_REQUIRES) code = code.replace(pattern, replacement);
  const unknown = /require\("([^"]+)"\)/.exec(code);
  if (unknown) throw new Error(`${api.file} ${op.method.toUpperCase()} ${op.path}: the compiled validator needs "${unknown[1]}", which the try-it runtime does not provide; add it to RUNTIME_REQUIRES in src/tryit/compile-validators.ts.`);
  const table = Object.entries(responses).map(([key, name]) => `${JSON.stringify(key)}: ${name}`).join(', ');
  return `import * as __rt from ${JSON.stringify(runtimeUrl)};\n${code}\nexport const responses = {${table}};\n`;
}

/** Only the named schemas the operation reaches: keeps each page's module small. */
function reachable(schemas: Record<string, JsonSchema>, op: Operation): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = schemaRefName(value);
        if (name !== undefined && !(name in out) && schemas[name]) {
          out[name] = withRefs(schemas[name]);
          visit(schemas[name]);
        }
      } else visit(value);
    }
  };
  visit([op.parameters.map((p) => p.schema), op.requestBody?.content.map((c) => c.schema), op.responses.map((r) => r.content.map((c) => c.schema))]);
  return out;
}

/** Points every `#/components/schemas/X` at the shared components schema; drops annotations the validator never reads. */
function withRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withRefs);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // A property may be named like an annotation: its value is then a schema object, which stays.
    if (ANNOTATIONS.has(key) && (typeof value !== 'object' || value === null || Array.isArray(value))) continue;
    if (VALUES.has(key)) out[key] = value;
    else out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/components/') ? `${COMPONENTS_ID}${value}` : withRefs(value);
  }
  return out;
}

const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'deprecated']);
const VALUES = new Set(['enum', 'const', 'default']);
