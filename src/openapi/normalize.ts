import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';
import type { ApiModel, JsonSchema, Operation, Response, SecurityScheme } from './types.ts';
import { HTTP_METHODS } from './types.ts';
import { SpecError } from './errors.ts';
import { convertSchema, type SchemaContext } from './convert-schema.ts';
import { toLinks } from './links.ts';
import { createOperationParts } from './operation-parts.ts';
import { lookup, resolveRef } from './resolve-ref.ts';
import { encodePointerToken, refToPointer, schemaRef } from './schema.ts';
import { toSecurity, toSecurityScheme } from './security.ts';
import { toServers } from './servers.ts';
import { createSlugRegistry, operationSlug, RESERVED_OPERATION_SLUGS } from './slug.ts';
import { text } from './spec-text.ts';
import { groupByTag } from './tags.ts';
import { toCodeSamples, toGeneratedSnippets } from './code-samples.ts';

export type OpenApiDocument = OpenAPIV3.Document | OpenAPIV3_1.Document;
type Json = Record<string, unknown>;

export interface SourceInfo {
  /** API id used in URLs: `melious`. */
  id: string;
  /** Path shown in error messages. */
  file: string;
}

/**
 * Turns a validated OpenAPI 3.0/3.1 document (internal `$ref`s only, as `bundle()` leaves it)
 * into an `ApiModel`. Named schemas stay referenced, so circular specs stay finite.
 */
export function fromDocument(doc: OpenApiDocument, source: SourceInfo): ApiModel {
  const root = doc as unknown as Json;
  const version = String(root.openapi ?? '');
  if (!/^3\.[01]\./.test(version)) {
    const found = root.swagger ? `Swagger ${String(root.swagger)}` : version ? `OpenAPI ${version}` : 'no `openapi` field';
    throw new SpecError({ file: source.file, pointer: root.swagger ? '/swagger' : '/openapi' }, `${found} is not supported; write OpenAPI 3.0 or 3.1 (loadApi converts Swagger 2.0).`);
  }
  const deref = (value: unknown, pointer: string): Json => resolveRef(root, value, pointer, source.file);
  const schemas: Record<string, JsonSchema> = {};
  const ctx: SchemaContext = {
    legacy: version.startsWith('3.0'),
    hoist: (ref) => hoistSchema(ref),
  };
  const hoisting = new Set<string>();
  function hoistSchema(ref: string): string {
    // `~` + the JSON pointer of the target: cannot clash with a component name, and says where it came from.
    const name = '~' + refToPointer(ref);
    if (!(name in schemas) && !hoisting.has(name)) {
      hoisting.add(name);
      schemas[name] = convertSchema(lookup(root, ref, source.file), ctx);
    }
    return schemaRef(name);
  }
  const components = (root.components ?? {}) as Json;
  for (const [name, schema] of Object.entries((components.schemas ?? {}) as Json)) {
    schemas[name] = convertSchema(schema, ctx);
  }

  const securitySchemes: Record<string, SecurityScheme> = {};
  for (const [name, raw] of Object.entries((components.securitySchemes ?? {}) as Json)) {
    securitySchemes[name] = toSecurityScheme(name, deref(raw, `/components/securitySchemes/${encodePointerToken(name)}`));
  }

  const { mergeParameters, toRequestBody, toResponse } = createOperationParts(deref, ctx, source.file);
  const rootServers = toServers(root.servers) ?? [{ url: '/' }];
  const rootSecurity = toSecurity(root.security) ?? [];
  const nextSlug = createSlugRegistry(RESERVED_OPERATION_SLUGS);
  const operations: Operation[] = [];
  const pendingLinks: Array<{ response: Response; raw: Json; pointer: string }> = [];

  const readPathItem = (pathItemRaw: unknown, path: string, pointer: string, webhook: boolean) => {
    const pathItem = deref(pathItemRaw, pointer);
    const shared = (pathItem.parameters as unknown[] | undefined) ?? [];
    for (const method of HTTP_METHODS) {
      const raw = pathItem[method] as Json | undefined;
      if (!raw) continue;
      const opPointer = `${pointer}/${method}`;
      const op: Operation = {
        slug: nextSlug(webhook ? `webhook-${operationSlug(method, path, raw.operationId as string | undefined)}` : operationSlug(method, path, raw.operationId as string | undefined)),
        operationId: raw.operationId as string | undefined,
        method,
        path,
        summary: text(raw.summary),
        description: text(raw.description),
        tags: Array.isArray(raw.tags) && raw.tags.length > 0 ? raw.tags.map(String) : [],
        deprecated: raw.deprecated === true,
        parameters: mergeParameters(shared, (raw.parameters as unknown[]) ?? [], `${pointer}/parameters`, `${opPointer}/parameters`),
        requestBody: raw.requestBody ? toRequestBody(deref(raw.requestBody, `${opPointer}/requestBody`), `${opPointer}/requestBody`) : undefined,
        responses: Object.entries((raw.responses ?? {}) as Json).map(([status, r]) => {
          const rPointer = `${opPointer}/responses/${status}`;
          const resolved = deref(r, rPointer);
          const response = toResponse(status, resolved, rPointer);
          if (resolved.links) pendingLinks.push({ response, raw: resolved.links as Json, pointer: `${rPointer}/links` });
          return response;
        }),
        security: toSecurity(raw.security) ?? rootSecurity,
        servers: toServers(raw.servers) ?? toServers(pathItem.servers) ?? rootServers,
        webhook,
      };
      const samples = toCodeSamples(raw, opPointer, source.file);
      if (samples) op.codeSamples = samples;
      operations.push(op);
    }
  };

  for (const [path, item] of Object.entries((root.paths ?? {}) as Json)) {
    if (path.startsWith('x-')) continue;
    readPathItem(item, path, `/paths/${encodePointerToken(path)}`, false);
  }
  for (const [name, item] of Object.entries((root.webhooks ?? {}) as Json)) {
    readPathItem(item, name, `/webhooks/${encodePointerToken(name)}`, true);
  }
  for (const { response, raw, pointer } of pendingLinks) {
    response.links = toLinks(raw, pointer, deref, operations, source.file);
  }

  return {
    id: source.id,
    file: source.file,
    openapi: version,
    title: text((root.info as Json | undefined)?.title) ?? source.id,
    version: String((root.info as Json | undefined)?.version ?? ''),
    description: text((root.info as Json | undefined)?.description),
    servers: rootServers,
    securitySchemes,
    tags: groupByTag(root.tags, operations),
    operations,
    schemas,
    ...(toGeneratedSnippets(root, source.file) === 'when-no-samples' ? { generatedSnippets: 'when-no-samples' as const } : {}),
  };
}
