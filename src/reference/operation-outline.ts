// Headings and labels of an operation block, computed once and shared by the page (for its
// table of contents) and the block (for its <h2>s), so ids always match.
import type { ApiModel, Operation, Parameter, Response, SecurityScheme } from '../openapi/index.ts';

export interface OutlineHeading {
  depth: number;
  slug: string;
  text: string;
}

export const PARAMETER_GROUPS: ReadonlyArray<{ in: Parameter['in']; title: string }> = [
  { in: 'path', title: 'Path parameters' },
  { in: 'query', title: 'Query parameters' },
  { in: 'header', title: 'Header parameters' },
  { in: 'cookie', title: 'Cookie parameters' },
];

export function isErrorStatus(status: string): boolean {
  return /^[45]/.test(status) || status === 'default';
}

/** `s2` for 2xx, ..., `sd` for `default`: picks the status colour. */
export function statusClass(status: string): string {
  return /^\d/.test(status) ? `s${status[0]}` : 'sd';
}

export function splitResponses(op: Operation): { success: Response[]; errors: Response[] } {
  return { success: op.responses.filter((r) => !isErrorStatus(r.status)), errors: op.responses.filter((r) => isErrorStatus(r.status)) };
}

export function operationOutline(op: Operation, idPrefix = '', depth = 2): OutlineHeading[] {
  const out: OutlineHeading[] = [];
  const add = (slug: string, text: string) => out.push({ depth, slug: idPrefix + slug, text });
  // The examples sit beside the fields, not in a section; "Try it" opens the console there.
  add('try-it', 'Try it');
  if (op.parameters.length > 0) add('parameters', 'Parameters');
  if (op.requestBody) add('request-body', 'Request body');
  const { success, errors } = splitResponses(op);
  if (success.length > 0) add('responses', 'Responses');
  if (errors.length > 0) add('errors', 'Errors');
  return out;
}

export interface AuthOption {
  /** "Bearer token", "API key", ... */
  label: string;
  /** Where it goes: "Authorization: Bearer <token>", "x-api-key header". */
  detail?: string;
  description?: string;
}

/** The security alternatives of an operation in words; `[]` means no authentication. */
export function authOptions(api: ApiModel, op: Operation): AuthOption[][] {
  return op.security
    .filter((requirement) => requirement.length > 0)
    .map((requirement) => requirement.map((name) => describeScheme(api.securitySchemes[name], name)));
}

/** True when one of the alternatives is "no credentials". */
export function authOptional(op: Operation): boolean {
  return op.security.some((requirement) => requirement.length === 0);
}

export function describeScheme(scheme: SecurityScheme | undefined, name: string): AuthOption {
  if (!scheme) return { label: name };
  const description = scheme.description;
  switch (scheme.kind) {
    case 'http':
      if (scheme.scheme === 'bearer') return { label: 'Bearer token', detail: 'Authorization: Bearer <token>', description };
      if (scheme.scheme === 'basic') return { label: 'HTTP Basic', detail: 'Authorization: Basic <credentials>', description };
      return { label: `HTTP ${scheme.scheme}`, detail: `Authorization: ${scheme.scheme} …`, description };
    case 'apiKey':
      return { label: 'API key', detail: `${scheme.paramName} ${scheme.in === 'query' ? 'query parameter' : scheme.in}`, description };
    case 'oauth2':
      return { label: 'OAuth 2.0', detail: 'Authorization: Bearer <access token>', description };
    case 'openIdConnect':
      return { label: 'OpenID Connect', description };
    default:
      return { label: 'Mutual TLS', description };
  }
}
