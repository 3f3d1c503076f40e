/** `base-url` → `baseUrl`; camelCase input is left as it is. */
export function kebabToCamel(name: string): string {
  return name.replace(/-+([a-z0-9])/gi, (_, c: string) => c.toUpperCase());
}

/**
 * Payload overrides keyed the way HTML data attributes arrive (`data-base-url` → `base-url`)
 * or the way the templates use them (`baseUrl`): both end up camelCase. Undefined values are
 * dropped so that they never hide a default.
 */
export function camelizeKeys(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) out[kebabToCamel(key)] = value;
  }
  return out;
}
