import { useEffect, useMemo, useState } from 'react';
import type { RequestSpec } from '../../request/index.ts';
import { KEY_PLACEHOLDER } from '../../request/index.ts';
import { maskKey, type TryItProps } from '../../tryit/index.ts';
import type { RenderSnippets } from './snippet-render.ts';

interface Props {
  props: TryItProps;
  spec: RequestSpec;
  keyText: string;
  /** Sends exactly the request the snippet shows. */
  onRun: (spec: RequestSpec) => void;
}

/** The request as code, following every edit; the key masked unless the reader reveals it. */
export function SnippetPanel({ props, spec, keyText, onRun }: Props) {
  const [open, setOpen] = useState(false);
  const [render, setRender] = useState<RenderSnippets>();
  const [failure, setFailure] = useState<string>();
  const [choice, setChoice] = useState(0);
  const [reveal, setReveal] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!open || render) return;
    import('./snippet-render.ts')
      .then((m) => m.loadRenderer(props.validators.replace(/\/tryit\/.*$/, '/tryit/snippets.json'), props))
      .then((fn) => setRender(() => fn), (e: unknown) => setFailure(String((e as Error).message ?? e)));
  }, [open, render, props]);
  const shown = useMemo(() => {
    if (!render) return [];
    const key = keyText === '' ? KEY_PLACEHOLDER : reveal ? keyText : maskKey(keyText);
    try {
      // The proxy path made absolute: the snippet then runs from a terminal exactly as Run sends it.
      const baseUrl = spec.baseUrl.startsWith('/') ? new URL(spec.baseUrl, location.href).href.replace(/\/$/, '') : spec.baseUrl;
      return render({ ...spec, baseUrl, ...(spec.auth ? { auth: { ...spec.auth, key } } : {}) });
    } catch (e) {
      return [{ key: 'error', label: 'Error', code: String((e as Error).message), language: undefined as never }];
    }
  }, [render, spec, keyText, reveal]);
  const current = shown[Math.min(choice, shown.length - 1)];
  const copy = async () => {
    if (!current) return;
    await navigator.clipboard.writeText(current.code);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <details className="tryit-code-panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Code for this request</summary>
      {failure && <p className="tryit-warn">Snippets could not load: {failure}</p>}
      {!render && !failure && open && <p className="tryit-meta">Loading…</p>}
      {current && (
        <>
          <div className="tryit-tabs" role="tablist" aria-label="Language">
            {shown.map((v, i) => <button key={v.key} type="button" role="tab" aria-selected={v === current} onClick={() => setChoice(i)}>{v.label}</button>)}
          </div>
          <pre className="tryit-pre" tabIndex={0} aria-label={`${current.label} snippet`}><code>{current.code}</code></pre>
          <div className="tryit-actions">
            <button type="button" className="tryit-send" onClick={() => onRun(spec)}>Run</button>
            <button type="button" className="tryit-small" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
            {keyText && <button type="button" className="tryit-small" aria-pressed={reveal} onClick={() => setReveal(!reveal)}>{reveal ? 'Mask key' : 'Reveal key'}</button>}
          </div>
        </>
      )}
    </details>
  );
}
