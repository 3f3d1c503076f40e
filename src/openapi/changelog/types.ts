// What changed between two versions of one API, as plain data for pages, badges and Markdown.
import type { HttpMethod } from '../types.ts';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface Change {
  kind: ChangeKind;
  /** Where, in the words of a reference page: `query parameter PageSize`, `request field messages[].role`, `200 response field data[].id`. */
  where: string;
  /** What changed, for `changed` (and enum values): `type string → integer`, `now required`, `value "eco"`. */
  detail?: string;
  breaking: boolean;
  /** The rule that decided `breaking` (see CHANGE_RULES). */
  rule: ChangeRule;
}

export interface OperationChanges {
  kind: ChangeKind;
  /** Slug in the newer version; in the older one for a removed operation. */
  slug: string;
  method: HttpMethod;
  path: string;
  summary?: string;
  /** Any change here breaks a client written for the older version. */
  breaking: boolean;
  changes: Change[];
}

export interface VersionDiff {
  /** Version labels: `v1` → `v2`. */
  from: string;
  to: string;
  /** Removed, then changed, then added; in spec order within each. */
  operations: OperationChanges[];
  breakingCount: number;
}

export type ChangeRule =
  | 'operation-added' | 'operation-removed' | 'operation-deprecated'
  | 'parameter-added-optional' | 'parameter-added-required' | 'parameter-removed' | 'parameter-now-required' | 'parameter-now-optional'
  | 'input-type-widened' | 'input-type-changed' | 'input-enum-added' | 'input-enum-removed'
  | 'request-body-added-optional' | 'request-body-added-required' | 'request-body-removed' | 'request-body-now-required' | 'request-body-now-optional'
  | 'request-media-added' | 'request-media-removed'
  | 'request-field-added-optional' | 'request-field-added-required' | 'request-field-removed' | 'request-field-now-required' | 'request-field-now-optional'
  | 'status-added' | 'success-status-removed' | 'error-status-removed'
  | 'response-media-added' | 'response-media-removed'
  | 'response-field-added' | 'response-field-removed' | 'response-field-now-optional' | 'response-field-now-required'
  | 'output-type-narrowed' | 'output-type-changed' | 'output-enum-added' | 'output-enum-removed';
