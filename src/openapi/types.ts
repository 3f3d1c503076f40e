// The normalized model every other box reads. Plain JSON-serialisable data only:
// the build hands pieces of it to islands and to the embed as JSON.

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * A JSON Schema (2020-12 flavour, OpenAPI 3.0 schemas are converted to it).
 * Named component schemas stay behind `$ref: '#/components/schemas/<name>'` so that
 * circular schemas remain finite data; resolve them with `resolveSchema`.
 */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  example?: unknown;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  not?: JsonSchema;
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  deprecated?: boolean;
  contentEncoding?: string;
  contentMediaType?: string;
  [keyword: string]: unknown;
}

export interface Example {
  /** Key in the spec's `examples` map, or `default` for a lone `example`. */
  name: string;
  summary?: string;
  value: unknown;
}

export interface MediaType {
  /** e.g. `application/json`, `text/event-stream`, `multipart/form-data`. */
  type: string;
  schema?: JsonSchema;
  examples: Example[];
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  description?: string;
  deprecated: boolean;
  schema: JsonSchema;
  style?: string;
  explode?: boolean;
  examples: Example[];
}

export interface RequestBody {
  required: boolean;
  description?: string;
  content: MediaType[];
}

/** An OpenAPI link: how a value of this response feeds another operation (e.g. a task status poll). */
export interface Link {
  name: string;
  /** Slug of the target operation in the same API. */
  operation: string;
  /** Target parameter name → runtime expression, e.g. `$response.body#/task_id`. */
  parameters: Record<string, string>;
  description?: string;
}

export interface Response {
  /** `200`, `4XX` or `default`. */
  status: string;
  description: string;
  headers: Parameter[];
  content: MediaType[];
  links: Link[];
}

export type SecurityScheme =
  | { kind: 'http'; name: string; scheme: string; bearerFormat?: string; description?: string }
  | { kind: 'apiKey'; name: string; in: 'header' | 'query' | 'cookie'; paramName: string; description?: string }
  | { kind: 'oauth2'; name: string; flows: OAuthFlow[]; description?: string }
  | { kind: 'openIdConnect'; name: string; openIdConnectUrl: string; description?: string }
  | { kind: 'mutualTLS'; name: string; description?: string };

/** One flow of an `oauth2` scheme, URLs as the spec writes them (absolute, or relative to the API's server). */
export interface OAuthFlow {
  type: 'authorizationCode' | 'clientCredentials' | 'implicit' | 'password' | 'deviceAuthorization';
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  /** Scope name → what it grants. */
  scopes: Record<string, string>;
}

/** One way to authenticate: every scheme named in it applies together. Empty = anonymous allowed. */
export type SecurityRequirement = string[];

export interface Server {
  url: string;
  description?: string;
}

/** A code sample the spec's author wrote (`x-codeSamples`), exactly as written. */
export interface CodeSample {
  /** As written: `curl`, `Python`, `JavaScript`, `go`. */
  lang: string;
  /** The tab label, when the author gave one. */
  label?: string;
  source: string;
}

export interface Operation {
  /** Stable, URL-safe, unique within the API: kebab-cased operationId, else method + path. */
  slug: string;
  operationId?: string;
  method: HttpMethod;
  /** Path template as written in the spec, e.g. `/v1/models/{id}`. Webhooks: the webhook name. */
  path: string;
  summary?: string;
  description?: string;
  tags: string[];
  deprecated: boolean;
  parameters: Parameter[];
  requestBody?: RequestBody;
  responses: Response[];
  /** Alternatives; an empty list means no auth. */
  security: SecurityRequirement[];
  servers: Server[];
  webhook: boolean;
  /** The author's own samples (`x-codeSamples`), when the spec has some for this operation. */
  codeSamples?: CodeSample[];
}

export interface Tag {
  name: string;
  description?: string;
  /** Slugs of the operations in this tag, in spec order. */
  operations: string[];
}

/** One version of an API that has several (`openapi/<api>/<version>.yaml`). */
export interface ApiVersions {
  /** The API: the folder's name (`twilio-pricing`). */
  api: string;
  /** This spec's version: its file name (`v1`). */
  version: string;
  /** Every version, oldest first, with the API id it is served under (the newest: `api`). */
  all: Array<{ version: string; id: string }>;
}

export interface ApiModel {
  /** From the file name: `openapi/melious.yaml` → `melious`. */
  id: string;
  /** Source file, relative to the project root, for error messages. */
  file: string;
  /** `3.0.x` or `3.1.x` of the document the model was made from. */
  openapi: string;
  /** Set when the author's file was another format, converted when it loaded: `Swagger 2.0`. */
  convertedFrom?: string;
  title: string;
  version: string;
  description?: string;
  servers: Server[];
  securitySchemes: Record<string, SecurityScheme>;
  tags: Tag[];
  operations: Operation[];
  /** Every named schema: `components/schemas` plus schemas hoisted from other `$ref` targets. */
  schemas: Record<string, JsonSchema>;
  /**
   * The spec's `x-snippets.generated`: `when-no-samples` shows our generated snippets only
   * for operations without `x-codeSamples`. Absent means `always`.
   */
  generatedSnippets?: 'when-no-samples';
  /** Set when the API has several spec files, one per version. */
  versions?: ApiVersions;
}
