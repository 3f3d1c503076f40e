// Several versions of one API: `openapi/<api>/<version>.yaml`, one file per version. The
// newest (by version label, numbers compared as numbers: v2 < v10, 2024-06 < 2025-01) is
// served under the API's own id; each older one under `<api>-<version>`.
import type { ApiVersions } from './types.ts';
import { toSlug } from './slug.ts';

/** Version labels, oldest first. */
export function sortVersions(labels: string[]): string[] {
  return [...labels].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }));
}

/** Every version of `api` with the id it is served under (`twilio-pricing-v1`, then `twilio-pricing`). */
export function versionIds(api: string, labels: string[]): ApiVersions['all'] {
  const sorted = sortVersions(labels);
  return sorted.map((version, i) => ({ version, id: i === sorted.length - 1 ? api : `${api}-${toSlug(version)}` }));
}
