import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { bundle } from '@readme/openapi-parser';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ApiModel } from './types.ts';
import { SpecError } from './errors.ts';
import { fromDocument, type OpenApiDocument } from './normalize.ts';
import { validateDocument, type AuthorPointer } from './validate.node.ts';
import { lineOfPointer } from './locate.ts';
import { fromSwagger, isSwagger2 } from './from-swagger.ts';
import { toSwaggerPointer } from './swagger-pointer.ts';
import { versionIds } from './versions.ts';

const SPEC_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * Every spec in a folder (`openapi/` by default), sorted by id: a file is one API
 * (`melious.yaml`), a folder one API with a file per version (`twilio-pricing/v1.json`,
 * `v2.json`: the newest is served as `twilio-pricing`, the others as `twilio-pricing-v1`).
 */
export async function loadApis(dir: string, cwd = process.cwd()): Promise<ApiModel[]> {
  const apis: ApiModel[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) apis.push(...(await loadVersions(path, cwd)));
    else if (SPEC_EXTENSIONS.has(extname(entry))) apis.push(await loadApi(path, cwd));
  }
  const seen = new Map<string, string>();
  for (const api of apis) {
    const other = seen.get(api.id);
    if (other !== undefined) throw new SpecError({ file: api.file }, `serves as API "${api.id}", like ${other}; rename one of them.`);
    seen.set(api.id, api.file);
  }
  return apis.sort((a, b) => a.id.localeCompare(b.id));
}

/** The spec files of one API's folder, one per version. */
export function versionFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => SPEC_EXTENSIONS.has(extname(f))).sort();
}

async function loadVersions(dir: string, cwd: string): Promise<ApiModel[]> {
  const files = versionFiles(dir);
  const api = apiId(dir);
  const byVersion = new Map(files.map((f) => [basename(f, extname(f)), f]));
  const all = versionIds(api, [...byVersion.keys()]);
  const models: ApiModel[] = [];
  for (const { version, id } of all) {
    const model = await loadApi(join(dir, byVersion.get(version)!), cwd, id);
    models.push({ ...model, versions: { api, version, all } });
  }
  return models;
}

/** Reads, validates and normalizes one spec; any problem is a `SpecError` naming file and line. */
export async function loadApi(path: string, cwd = process.cwd(), id = apiId(path)): Promise<ApiModel> {
  const file = relative(cwd, path) || path;
  const source = readFileSync(path, 'utf8');
  const doc = parseSource(source, file);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new SpecError({ file, line: 1 }, 'the file is not an OpenAPI document (expected a mapping at the top).');
  }
  const raw = doc as Record<string, unknown>;
  const swagger = isSwagger2(raw);
  const supported = swagger || (raw.swagger === undefined && typeof raw.openapi === 'string' && /^3\.[01]\./.test(raw.openapi));
  if (supported) await validateDocument(raw, source, file);
  const bundled = (supported && hasExternalRef(source) ? await bundle(path) : doc) as Record<string, unknown>;
  let toAuthor: AuthorPointer = (p) => p;
  let document = bundled as unknown as OpenApiDocument;
  if (swagger) {
    // Converted to OpenAPI 3.1, then checked again: whatever the conversion reveals is
    // reported at the place of the author's Swagger file it came from.
    document = fromSwagger(bundled);
    toAuthor = (p) => toSwaggerPointer(p, bundled);
    await validateDocument(document as unknown as Record<string, unknown>, source, file, toAuthor);
  }
  try {
    const model = fromDocument(document, { id, file }); // also refuses OpenAPI 3.2 and unknown formats with a message
    return swagger ? { ...model, convertedFrom: `Swagger ${String(raw.swagger)}` } : model;
  } catch (error) {
    // The pure normalizer knows pointers, not lines: add the line from the source.
    if (error instanceof SpecError && error.location.pointer !== undefined && error.location.line === undefined) {
      const pointer = toAuthor(error.location.pointer);
      throw new SpecError({ ...error.location, pointer, line: lineOfPointer(source, pointer) }, error.reason);
    }
    throw error;
  }
}

export function apiId(path: string): string {
  return basename(path, extname(path)).toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function parseSource(source: string, file: string): unknown {
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(source);
    } catch (error) {
      const position = Number(/position (\d+)/.exec(String(error))?.[1]);
      const line = Number.isFinite(position) ? source.slice(0, position).split('\n').length : undefined;
      throw new SpecError({ file, line }, `invalid JSON: ${(error as Error).message}`);
    }
  }
  try {
    return parseYaml(source, { maxAliasCount: -1, uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      throw new SpecError({ file, line }, `invalid YAML: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
}

function hasExternalRef(source: string): boolean {
  return /["']?\$ref["']?\s*:\s*["']?(?!#)[^\s"']/.test(source);
}
