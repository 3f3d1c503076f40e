import type { ApiModel, Operation } from '../openapi/index.ts';
import type { RequestAuth } from './types.ts';

/** What a snippet shows until the reader types their own key. */
export const KEY_PLACEHOLDER = '<YOUR_API_KEY>';

/**
 * The first way to authenticate the operation allows, as a header or query value.
 * Schemes a snippet cannot fill in with a single key (OAuth flows, mutual TLS) are skipped.
 */
export function authFor(api: ApiModel, op: Operation, key = KEY_PLACEHOLDER): RequestAuth | undefined {
  for (const requirement of op.security) {
    for (const name of requirement) {
      const scheme = api.securitySchemes[name];
      if (!scheme) continue;
      if (scheme.kind === 'http') {
        const prefix = scheme.scheme === 'basic' ? 'Basic ' : scheme.scheme === 'bearer' ? 'Bearer ' : `${capitalize(scheme.scheme)} `;
        return { scheme: name, in: 'header', name: 'Authorization', prefix, key };
      }
      if (scheme.kind === 'apiKey') {
        if (scheme.in === 'cookie') return { scheme: name, in: 'header', name: 'Cookie', prefix: `${scheme.paramName}=`, key };
        return { scheme: name, in: scheme.in, name: scheme.paramName, prefix: '', key };
      }
      if (scheme.kind === 'oauth2' || scheme.kind === 'openIdConnect') {
        return { scheme: name, in: 'header', name: 'Authorization', prefix: 'Bearer ', key };
      }
    }
  }
  return undefined;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
