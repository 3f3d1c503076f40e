import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';
import type {
  ApiModel, Example, HttpMethod, JsonSchema, Link, MediaType, Operation, Parameter, ParameterLocation,
  OAuthFlow, RequestBody, Response, SecurityRequirement, SecurityScheme, Server, Tag,
} from './types.ts';
import { HTTP_METHODS } from './types.ts';
import { SpecError } from './errors.ts';
import { convertSchema, type SchemaContext } from './convert-schema.ts';
import { decodeRefToken, encodePointerToken, refToPointer, schemaRef } from './schema.ts';
import { createSlugRegistry, operationSlug, RESERVED_OPERATION_SLUGS } from './slug.ts';

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
    throw new SpecError({ file: source.file, pointer: root.swagger ? '/swagger' : '/openapi' }, `${found} is not supported; write OpenAPI 3.0 or 3.1 (convert Swagger 2.0 with swagger2openapi).`);
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
    response.links = toLinks(raw, pointer);
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
  };

  function mergeParameters(shared: unknown[], own: unknown[], sharedPointer: string, ownPointer: string): Parameter[] {
    const byKey = new Map<string, Parameter>();
    shared.forEach((p, i) => add(toParameter(deref(p, `${sharedPointer}/${i}`))));
    own.forEach((p, i) => add(toParameter(deref(p, `${ownPointer}/${i}`))));
    return [...byKey.values()];
    function add(p: Parameter) {
      byKey.set(`${p.in}:${p.name}`, p);
    }
  }

  function toParameter(raw: Json, location?: ParameterLocation, name?: string): Parameter {
    const fromContent = raw.content ? Object.values(raw.content as Json)[0] as Json | undefined : undefined;
    const where = location ?? (raw.in as ParameterLocation);
    return {
      name: name ?? String(raw.name),
      in: where,
      required: where === 'path' || raw.required === true,
      description: text(raw.description),
      deprecated: raw.deprecated === true,
      schema: convertSchema(raw.schema ?? fromContent?.schema, ctx),
      style: raw.style as string | undefined,
      explode: raw.explode as boolean | undefined,
      examples: toExamples(raw),
    };
  }

  function toRequestBody(raw: Json, pointer: string): RequestBody {
    return { required: raw.required === true, description: text(raw.description), content: toContent(raw.content, pointer) };
  }

  function toResponse(status: string, raw: Json, pointer: string): Response {
    const headers = Object.entries((raw.headers ?? {}) as Json).map(([name, h]) =>
      toParameter(deref(h, `${pointer}/headers/${encodePointerToken(name)}`), 'header', name));
    return { status, description: text(raw.description) ?? '', headers, content: toContent(raw.content, pointer), links: [] };
  }

  function toContent(content: unknown, pointer: string): MediaType[] {
    return Object.entries((content ?? {}) as Json).map(([type, m]) => {
      const media = deref(m, `${pointer}/content/${encodePointerToken(type)}`);
      return { type, schema: media.schema === undefined ? undefined : convertSchema(media.schema, ctx), examples: toExamples(media) };
    });
  }

  function toExamples(raw: Json): Example[] {
    const list: Example[] = [];
    if (raw.example !== undefined) list.push({ name: 'default', value: raw.example });
    for (const [name, e] of Object.entries((raw.examples ?? {}) as Json)) {
      const example = deref(e, `/components/examples/${encodePointerToken(name)}`);
      if (example.value !== undefined) list.push({ name, summary: text(example.summary), value: example.value });
    }
    return list;
  }

  function toLinks(raw: Json, pointer: string): Link[] {
    const links: Link[] = [];
    for (const [name, l] of Object.entries(raw)) {
      const link = deref(l, `${pointer}/${encodePointerToken(name)}`);
      const target = findLinkTarget(link);
      if (!target) {
        throw new SpecError({ file: source.file, pointer: `${pointer}/${encodePointerToken(name)}` },
          `link "${name}" points at ${String(link.operationId ?? link.operationRef)}, which is not an operation of this spec.`);
      }
      const parameters = Object.fromEntries(Object.entries((link.parameters ?? {}) as Json).map(([k, v]) => [k.replace(/^(path|query|header|cookie)\./, ''), String(v)]));
      links.push({ name, operation: target.slug, parameters, description: text(link.description) });
    }
    return links;
  }

  function findLinkTarget(link: Json): Operation | undefined {
    if (typeof link.operationId === 'string') return operations.find((o) => o.operationId === link.operationId);
    const ref = String(link.operationRef ?? '');
    const match = /^#\/paths\/([^/]+)\/([a-z]+)$/.exec(ref);
    if (!match) return undefined;
    const path = decodeRefToken(match[1]);
    return operations.find((o) => !o.webhook && o.path === path && o.method === (match[2] as HttpMethod));
  }
}

/** Resolves a non-schema `$ref` (parameters, responses, examples, ...), following chains. */
function resolveRef(root: Json, value: unknown, pointer: string, file: string): Json {
  let current = value as Json;
  for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new SpecError({ file, pointer }, `$ref chain starting at ${String((value as Json).$ref)} never ends.`);
    current = lookup(root, current.$ref as string, file, pointer) as Json;
  }
  return current ?? {};
}

function lookup(root: Json, ref: string, file: string, from?: string): unknown {
  if (!ref.startsWith('#')) throw new SpecError({ file, pointer: from }, `external $ref "${ref}" is left; load the spec with bundle() first.`);
  let node: unknown = root;
  for (const token of ref.slice(1).split('/').filter(Boolean).map(decodeRefToken)) {
    node = (node as Json | undefined)?.[token];
    if (node === undefined) throw new SpecError({ file, pointer: from }, `$ref "${ref}" points at nothing.`);
  }
  return node;
}

function toSecurityScheme(name: string, raw: Json): SecurityScheme {
  const description = text(raw.description);
  if (raw.type === 'http') return { kind: 'http', name, scheme: String(raw.scheme ?? 'bearer').toLowerCase(), bearerFormat: text(raw.bearerFormat), description };
  if (raw.type === 'apiKey') return { kind: 'apiKey', name, in: (raw.in as 'header' | 'query' | 'cookie') ?? 'header', paramName: String(raw.name), description };
  if (raw.type === 'oauth2') return { kind: 'oauth2', name, flows: toOAuthFlows(raw.flows), description };
  if (raw.type === 'openIdConnect') return { kind: 'openIdConnect', name, openIdConnectUrl: String(raw.openIdConnectUrl ?? ''), description };
  return { kind: 'mutualTLS', name, description };
}

const FLOW_TYPES = ['authorizationCode', 'clientCredentials', 'implicit', 'password', 'deviceAuthorization'] as const;

function toOAuthFlows(raw: unknown): OAuthFlow[] {
  const flows = (raw ?? {}) as Json;
  return FLOW_TYPES.filter((type) => flows[type] && typeof flows[type] === 'object').map((type) => {
    const flow = flows[type] as Json;
    const url = (key: string) => (typeof flow[key] === 'string' && flow[key] !== '' ? { [key]: flow[key] as string } : {});
    const scopes: Record<string, string> = {};
    for (const [scope, about] of Object.entries((flow.scopes ?? {}) as Json)) scopes[scope] = typeof about === 'string' ? about : '';
    return { type, ...url('authorizationUrl'), ...url('tokenUrl'), ...url('refreshUrl'), scopes };
  });
}

function toSecurity(raw: unknown): SecurityRequirement[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.map((req) => Object.keys((req ?? {}) as Json));
}

function toServers(raw: unknown): Server[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  return raw.map((s: Json) => {
    let url = String(s.url ?? '/');
    for (const [name, v] of Object.entries((s.variables ?? {}) as Json)) {
      url = url.replaceAll(`{${name}}`, String((v as Json).default ?? ''));
    }
    return { url, description: text(s.description) };
  });
}

function groupByTag(declared: unknown, operations: Operation[]): Tag[] {
  const tags = new Map<string, Tag>();
  for (const t of Array.isArray(declared) ? (declared as Json[]) : []) {
    tags.set(String(t.name), { name: String(t.name), description: text(t.description), operations: [] });
  }
  // A spec that tags nothing (Stripe's) would put every operation in one group: group by path instead.
  const tagless = operations.every((op) => op.tags.length === 0);
  for (const op of operations) {
    const names = op.tags.length > 0 ? op.tags : [op.webhook ? 'Webhooks' : tagless ? pathGroup(op.path) : 'Other'];
    for (const name of names) {
      if (!tags.has(name)) tags.set(name, { name, operations: [] });
      tags.get(name)!.operations.push(op.slug);
    }
  }
  return [...tags.values()].filter((t) => t.operations.length > 0);
}

/** `/v1/payment_intents/{intent}/cancel` → `Payment intents`: the first segment that names a resource. */
export function pathGroup(path: string): string {
  const segment = path.split('/').find((s) => s !== '' && !s.includes('{') && !/^(v\d+(\.\d+)*|api|rest)$/i.test(s));
  if (segment === undefined) return 'Other';
  const words = segment.replace(/[_\-.]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words === '' ? 'Other' : words[0].toUpperCase() + words.slice(1);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
