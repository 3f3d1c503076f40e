import type { ProxyLogEntry } from './types.ts';

/**
 * One line per request: `proxy <id> melious create-chat-completion POST /v1/chat/completions 200 12.3ms/1.2s 5120B`.
 * The entry holds no header values and a redacted query, so the line is safe to print.
 */
export function formatLogLine(entry: ProxyLogEntry): string {
  const timing = entry.headersMs === undefined ? `${entry.totalMs.toFixed(1)}ms` : `${entry.headersMs.toFixed(1)}ms/${entry.totalMs.toFixed(1)}ms`;
  return [
    'proxy',
    entry.requestId,
    entry.api || '-',
    entry.operation ?? '-',
    entry.method,
    entry.path || '-',
    entry.status,
    entry.code ?? '',
    timing,
    entry.bytes === undefined ? '' : `${entry.bytes}B`,
    entry.outcome ?? '',
  ]
    .filter((part) => part !== '')
    .join(' ');
}
