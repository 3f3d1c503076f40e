// Build time: Ajv's standalone mode turns the request schemas (parameters and body) of a group
// of operations (validator-groups.ts) into one ES module, so the browser checks what the reader
// types without shipping Ajv, and a big API ships one module per group, not one per operation
// (Microsoft Graph: 11,422 modules before). The group's operations share the code of the named
// schemas they reach.
// One Ajv instance per API compiles each named schema once for all of its operations (not once
// per operation), and only the operations' own schemas are new work per page. The helpers the
// generated code needs (deep equal, string length, formats) come from one shared runtime
// module, fetched once for all pages. Responses are checked another way: response-schemas.ts.
import standaloneCode from 'ajv/dist/standalone/index.js';
import { schemaRefName, type ApiModel, type JsonSchema, type Operation } from '../openapi/index.ts';
import { paramsSchema } from '../request/index.ts';
import { toAjvComponents, toAjvSchema } from './ajv-schema.ts';
import { createAjv } from './ajv-setup.ts';
import { bodyMediaType } from './request-media.ts';

/**
 * The helpers the generated code may ask for, each its own small browser module (bundled by
 * ajv-runtime.node.ts), so a page fetches only those its validators use: most need only the
 * string length, and a URI parser (6 KB gzip) nobody uses would weigh more than most validators.
 */
export const RUNTIME_HELPERS: Record<string, string> = {
  equal: 'export { default } from "ajv/dist/runtime/equal";',
  ucs2length: 'export { default } from "ajv/dist/runtime/ucs2length";',
  uri: 'export { default } from "ajv/dist/runtime/uri";',
  formats: 'export { fullFormats as default } from "ajv-formats/dist/formats";',
  // The checks of the groups compiled in the browser (see REACH_LIMIT): @cfworker/json-schema, not Ajv.
  compile: 'export { default } from "./src/tryit/compile-in-browser.ts";',
};

/**
 * Past this many bytes of named schemas reached (as JSON), a group's validators are compiled in
 * the browser instead: standalone code is many times the size of the schemas it checks, and
 * Microsoft Graph's entities reach hundreds of others, so its groups' modules weighed up to
 * 3.4 MB each (323 MB for the API). Such a group's module holds the operations' own schemas and
 * imports the `compile` helper (@cfworker/json-schema, which interprets schemas without
 * generating code) and the `formats` helper; it reads the named schemas from the API's
 * response-schemas.json, one file for every page and for the response check.
 */
export const REACH_LIMIT = 64 * 1024;

export interface ValidatorCompilerOptions {
  /** URL of the API's response-schemas.json; without it every group is compiled at build time. */
  componentsUrl?: string;
  /** See REACH_LIMIT. */
  reachLimit?: number;
}

/** How the generated code asks for each helper. */
const RUNTIME_REQUIRES: Array<[RegExp, string]> = [
  [/require\("ajv\/dist\/runtime\/equal"\)\.default/g, 'equal'],
  [/require\("ajv\/dist\/runtime\/ucs2length"\)\.default/g, 'ucs2length'],
  [/require\("ajv\/dist\/runtime\/uri"\)\.default/g, 'uri'],
  [/require\("ajv-formats\/dist\/formats"\)\.fullFormats/g, 'formats'],
];

/**
 * The module's export: `operations`, operation slug → `params` (an object keyed by location and
 * name, `path:id`) and `body` (when the operation has a JSON, multipart or form body), see
 * ValidatorGroupModule. `runtimeBase`: the URL of the folder holding the helper modules
 * (`<runtimeBase>/equal.js`).
 */
export type ValidatorCompiler = (ops: readonly Operation[], runtimeBase: string) => string;

export function createValidatorCompiler(api: ApiModel, options: ValidatorCompilerOptions = {}): ValidatorCompiler {
  const { componentsUrl, reachLimit = REACH_LIMIT } = options;
  const reach = createReach(api.schemas);
  const standalone = createStandaloneCompiler(api);
  return (ops, runtimeBase) => {
    if (componentsUrl === undefined) return standalone(ops, runtimeBase);
    const own = ops.map((op) => {
      const media = bodyMediaType(op);
      const body = op.requestBody?.content.find((c) => c.type === media)?.schema;
      return { op, params: paramsSchema(op), body };
    });
    if (reach(own.flatMap((o) => (o.body ? [o.params, o.body] : [o.params]))) <= reachLimit) return standalone(ops, runtimeBase);
    const group: Record<string, { params: unknown; body?: unknown }> = {};
    for (const { op, params, body } of own) group[op.slug] = { params: toAjvSchema(params), ...(body ? { body: toAjvSchema(body) } : {}) };
    return `import __rt_compile from ${JSON.stringify(`${runtimeBase}/compile.js`)};\n`
      + `import __rt_formats from ${JSON.stringify(`${runtimeBase}/formats.js`)};\n`
      + `export const operations = await __rt_compile(${JSON.stringify(componentsUrl)}, ${JSON.stringify(group)}, __rt_formats);\n`;
  };
}

/** Bytes (as JSON) of the named schemas a set of schemas reaches through `$ref`s, each counted once. */
export function createReach(schemas: Record<string, JsonSchema>): (roots: JsonSchema[]) => number {
  const direct = new Map<string, { refs: string[]; size: number }>();
  const refsIn = (node: unknown, into: Set<string>) => {
    if (Array.isArray(node)) for (const item of node) refsIn(item, into);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          const name = schemaRefName(value);
          if (name !== undefined) into.add(name);
        } else refsIn(value, into);
      }
    }
  };
  const info = (name: string) => {
    let found = direct.get(name);
    if (!found) {
      const refs = new Set<string>();
      refsIn(schemas[name], refs);
      found = { refs: [...refs], size: JSON.stringify(schemas[name] ?? null).length };
      direct.set(name, found);
    }
    return found;
  };
  return (roots) => {
    const start = new Set<string>();
    for (const root of roots) refsIn(root, start);
    const seen = new Set<string>();
    const stack = [...start];
    let bytes = 0;
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (seen.has(name) || !(name in schemas)) continue;
      seen.add(name);
      const { refs, size } = info(name);
      bytes += size;
      stack.push(...refs);
    }
    return bytes;
  };
}

function createStandaloneCompiler(api: ApiModel): ValidatorCompiler {
  // Only the generated source is used here, never the functions: `process` spares V8 compiling
  // code this process would not run, and `optimize: 0` a pass that costs more than it saves.
  const ajv = createAjv(toAjvComponents(api.schemas), { source: true, esm: true, optimize: 0, process: () => 'return function validate() { return true; }' });
  let count = 0;
  return (ops, runtimeBase) => {
    const exports: Record<string, string> = {};
    const entries: string[] = [];
    let current: Operation | undefined;
    const add = (schema: JsonSchema) => {
      const id = `v${count++}`;
      ajv.addSchema({ ...(toAjvSchema(schema) as object), $id: id });
      exports[id] = id;
      return id;
    };
    let code: string;
    try {
      for (const op of ops) {
        current = op;
        const params = add(paramsSchema(op));
        const media = bodyMediaType(op);
        const bodySchema = op.requestBody?.content.find((c) => c.type === media)?.schema;
        const body = bodySchema ? add(bodySchema) : undefined;
        for (const id of [params, body]) if (id) dropUnusedSchemas(ajv.getSchema(id));
        entries.push(`${JSON.stringify(op.slug)}: { params: ${params}${body ? `, body: ${body}` : ''} }`);
      }
      current = undefined;
      code = standaloneCode(ajv, exports).replace(/^"use strict";/, '');
    } catch (error) {
      const where = current ? `${current.method.toUpperCase()} ${current.path}` : ops.map((op) => `${op.method.toUpperCase()} ${op.path}`).join(', ');
      throw new Error(`${api.file} ${where}: Ajv cannot compile the request schema: ${(error as Error).message}`);
    } finally {
      // The operations' own schemas are needed once; the named schemas stay compiled for the next group.
      for (const id of Object.values(exports)) ajv.removeSchema(id);
    }
    code += `export const operations = { ${entries.join(', ')} };\n`;
    const imports: string[] = [];
    for (const [pattern, helper] of RUNTIME_REQUIRES) {
      const replaced = code.replace(pattern, `__rt_${helper}`);
      if (replaced !== code) imports.push(`import __rt_${helper} from ${JSON.stringify(`${runtimeBase}/${helper}.js`)};\n`);
      code = replaced;
    }
    const unknown = /require\("([^"]+)"\)/.exec(code);
    if (unknown) throw new Error(`${api.file} ${ops.map((op) => `${op.method.toUpperCase()} ${op.path}`).join(', ')}: the compiled validators need "${unknown[1]}", which the try-it runtime does not provide; add it to RUNTIME_HELPERS in src/tryit/compile-validators.ts.`);
    return `${imports.join('')}${code}\n`;
  };
}

/** The part of Ajv's `validate.source` read here (ajv/dist/types SourceCode). */
interface Source {
  validateCode: string;
  scopeValues: Record<string, Set<{ str: string; value?: { ref?: unknown } }> | undefined>;
}

const pruned = new WeakSet<Source>();

/**
 * Standalone code declares every compiled schema as a constant (`const schema12 = {…}`), used
 * or not; the validators rarely read them. Drops the unused ones from each function the
 * validator reaches, before standaloneCode writes them out.
 */
function dropUnusedSchemas(validate: unknown): void {
  const stack = [validate];
  while (stack.length > 0) {
    const source = (stack.pop() as { source?: Source } | undefined)?.source;
    if (!source || pruned.has(source)) continue;
    pruned.add(source);
    const schemas = source.scopeValues.schema;
    for (const name of schemas ?? []) if (!new RegExp(`\\b${name.str}\\b`).test(source.validateCode)) schemas!.delete(name);
    for (const name of source.scopeValues.validate ?? []) stack.push(name.value?.ref);
    for (const name of [...(source.scopeValues.wrapper ?? []), ...(source.scopeValues.root ?? [])]) stack.push((name.value?.ref as { validate?: unknown } | undefined)?.validate);
  }
}
