import type { Operation, Tag } from './types.ts';
import { text } from './spec-text.ts';

type Json = Record<string, unknown>;

/** The declared tags in spec order, then the ones operations use; empty groups dropped. */
export function groupByTag(declared: unknown, operations: Operation[]): Tag[] {
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
