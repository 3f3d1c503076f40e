import type { ApiModel, Operation, SecurityScheme } from '../openapi/index.ts';

/**
 * Whether the request carries credentials the operation accepts. Any non-empty key is good:
 * the sandbox checks that auth is sent the way the spec says, not who sends it.
 * Returns undefined when satisfied, else a message saying what to send.
 */
export function missingCredentials(api: ApiModel, operation: Operation, request: Request, query: URLSearchParams): string | undefined {
  if (operation.security.length === 0) return undefined;
  for (const requirement of operation.security) {
    if (requirement.every((name) => hasCredential(api.securitySchemes[name], request, query))) return undefined;
  }
  const ways = operation.security.map((requirement) => requirement.map((name) => howToSend(api.securitySchemes[name])).join(' and '));
  return `Missing or empty API key: send ${ways.join(' or ')}.`;
}

function hasCredential(scheme: SecurityScheme | undefined, request: Request, query: URLSearchParams): boolean {
  if (scheme === undefined) return false;
  switch (scheme.kind) {
    case 'apiKey':
      if (scheme.in === 'header') return (request.headers.get(scheme.paramName) ?? '').trim() !== '';
      if (scheme.in === 'query') return (query.get(scheme.paramName) ?? '').trim() !== '';
      return cookieValue(request.headers.get('cookie') ?? '', scheme.paramName) !== '';
    case 'http':
      return authorization(request, scheme.scheme) !== '';
    case 'oauth2':
    case 'openIdConnect':
      return authorization(request, 'bearer') !== '';
    default:
      return true; // mutual TLS: nothing to see at this level
  }
}

function authorization(request: Request, scheme: string): string {
  const value = request.headers.get('authorization') ?? '';
  const space = value.indexOf(' ');
  if (space < 0 || value.slice(0, space).toLowerCase() !== scheme.toLowerCase()) return '';
  return value.slice(space + 1).trim();
}

function cookieValue(header: string, name: string): string {
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=').trim();
  }
  return '';
}

function howToSend(scheme: SecurityScheme | undefined): string {
  if (scheme === undefined) return 'a key';
  if (scheme.kind === 'apiKey') return scheme.in === 'header' ? `${scheme.paramName}: <key>` : scheme.in === 'query' ? `?${scheme.paramName}=<key>` : `a ${scheme.paramName} cookie`;
  if (scheme.kind === 'http') return `Authorization: ${scheme.scheme.charAt(0).toUpperCase()}${scheme.scheme.slice(1)} <${scheme.scheme.toLowerCase() === 'basic' ? 'credentials' : 'key'}>`;
  return 'Authorization: Bearer <token>';
}
