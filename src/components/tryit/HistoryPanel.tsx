import { formatBytes, type HistoryEntry } from '../../tryit/index.ts';

interface Props {
  entries: HistoryEntry[];
  operation: string;
  /** Reference page of another operation of this API. */
  pageOf: (operation: string) => string;
  onOpen: (entry: HistoryEntry) => void;
  onClear: () => void;
}

/** The last requests to this API, kept only in this browser and never with a key or token. */
export function HistoryPanel({ entries, operation, pageOf, onOpen, onClear }: Props) {
  return (
    <details className="tryit-history">
      <summary>History <span className="tryit-meta">{entries.length === 0 ? 'empty' : `${entries.length} request${entries.length === 1 ? '' : 's'}`}</span></summary>
      {entries.length === 0 ? <p className="tryit-meta">Requests you send to this API show here (only in this browser, without keys or tokens).</p> : (
        <>
          <ol className="tryit-history-list">
            {entries.map((e) => (
              <li key={e.id}>
                <span className={`tryit-code tryit-code-${String(e.status ?? 0)[0]}`}>{e.status ?? '—'}</span>
                <code>{e.method} {e.path}</code>
                <span className="tryit-meta">{new Date(e.at).toLocaleTimeString()} · {Math.round(e.ms)} ms · {formatBytes(e.bytes)}</span>
                {e.operation === operation
                  ? <button type="button" className="tryit-small" onClick={() => onOpen(e)}>Open in the form</button>
                  : <a href={`${pageOf(e.operation)}#history=${encodeURIComponent(e.id)}`}>Open on its page</a>}
              </li>
            ))}
          </ol>
          <button type="button" className="tryit-small" onClick={onClear}>Clear history</button>
        </>
      )}
    </details>
  );
}
