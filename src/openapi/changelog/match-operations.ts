// Which operation of the newer version is which of the older: the same operationId, else the
// same method and path once version segments and parameter names are set aside
// (`/v1/Voice/Numbers/{Number}` is `/v2/Voice/Numbers/{DestinationNumber}`).
import type { Operation } from '../types.ts';

export function operationKey(op: Pick<Operation, 'method' | 'path'>): string {
  return `${op.method} ${op.path.replace(/\/v\d+(\.\d+)*(?=\/|$)/gi, '/v*').replace(/\{[^}]*\}/g, '{}')}`;
}

/** Pairs of (older, newer); each operation appears at most once. */
export function matchOperations(older: Operation[], newer: Operation[]): Array<[Operation, Operation]> {
  const pairs: Array<[Operation, Operation]> = [];
  const taken = new Set<Operation>();
  const byId = new Map(older.filter((o) => o.operationId !== undefined).map((o) => [`${o.webhook}:${o.operationId}`, o]));
  const byKey = new Map(older.map((o) => [`${o.webhook}:${operationKey(o)}`, o]));
  for (const pass of [(op: Operation) => byId.get(`${op.webhook}:${op.operationId}`), (op: Operation) => byKey.get(`${op.webhook}:${operationKey(op)}`)]) {
    for (const op of newer) {
      if (pairs.some(([, n]) => n === op)) continue;
      const match = pass(op);
      if (match && !taken.has(match)) {
        taken.add(match);
        pairs.push([match, op]);
      }
    }
  }
  return pairs;
}
