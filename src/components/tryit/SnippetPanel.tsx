import { useEffect, useMemo, useState } from 'react';
import type { RequestSpec } from '../../request/index.ts';
import { KEY_PLACEHOLDER } from '../../request/index.ts';
import { maskKey, type TryItProps } from '../../tryit/index.ts';
import { onSnippetChoice, pickSnippet, recallSnippetChoice, rememberSnippetChoice } from '../snippets/snippet-choice.ts';
import type { RenderSnippets } from './snippet-render.ts';

interface Props {
  uid: string;
  props: TryItProps;
  spec: RequestSpec;
  keyText: string;
}

/**
 * The live code at the top of the console, in the place of the page's static request sample:
 * the request as code, following every edit, the key masked unless the reader reveals it, in
 * the language the reader picked anywhere on the site. The renderer loads when the console
 * hydrates, which is when "Try it" shows it.
 */
export function SnippetPanel({ uid, props, spec, keyText }: Props) {
  const [render, setRender] = useState<RenderSnippets>();
  const [failure, setFailure] = useState<string>();
  const [choice, setChoice] = useState(recallSnippetChoice);
  const [reveal, setReveal] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    import('./snippet-render.ts')
      .then((m) => m.loadRenderer(props.validators.replace(/\/tryit\/.*$/, '/tryit/snippets.json'), props))
      .then((fn) => setRender(() => fn), (e: unknown) => setFailure(String((e as Error).message ?? e)));
  }, [props]);
  // A tab picked in a static block on this page moves the live code too.
  useEffect(() => onSnippetChoice(setChoice), []);
  const shown = useMemo(() => {
    if (!render) return [];
    const key = keyText === '' ? KEY_PLACEHOLDER : reveal ? keyText : maskKey(keyText);
    try {
      // The proxy path made absolute: the snippet then runs from a terminal exactly as Send sends it.
      const baseUrl = spec.baseUrl.startsWith('/') ? new URL(spec.baseUrl, location.href).href.replace(/\/$/, '') : spec.baseUrl;
      return render({ ...spec, baseUrl, ...(spec.auth ? { auth: { ...spec.auth, key } } : {}) }).map((v) => ({ ...v, lang: v.language.id }));
    } catch (e) {
      return [{ key: 'error', label: 'Error', code: String((e as Error).message), lang: '' }];
    }
  }, [render, spec, keyText, reveal]);
  const index = Math.max(0, pickSnippet(shown.map((v) => ({ key: v.key, language: v.lang })), choice));
  const current = shown[index];
  const select = (i: number) => {
    const v = shown[i];
    if (v) rememberSnippetChoice({ key: v.key, language: v.lang });
    document.getElementById(`tryit-code-tab-${uid}-${i}`)?.focus();
  };
  const copy = async () => {
    if (!current) return;
    await navigator.clipboard.writeText(current.code);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="tryit-code-panel" aria-busy={!current && !failure}>
      <div className="tryit-code-head">
        <span className="tryit-code-title">Request <span className="tryit-meta">· follows the form</span></span>
        {current && keyText && <button type="button" className="tryit-small" aria-pressed={reveal} onClick={() => setReveal(!reveal)}>{reveal ? 'Mask key' : 'Reveal key'}</button>}
      </div>
      {current && (
        <div className="tryit-code-bar">
          <div className="tryit-code-tabs" role="tablist" aria-label="Language of the live code"
            onKeyDown={(e) => {
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (step === 0) return;
              e.preventDefault();
              select((index + step + shown.length) % shown.length);
            }}>
            {shown.map((v, i) => (
              <button key={v.key} id={`tryit-code-tab-${uid}-${i}`} type="button" role="tab" aria-selected={i === index} aria-controls={`tryit-code-${uid}`}
                tabIndex={i === index ? 0 : -1} onClick={() => select(i)}>{v.label}</button>
            ))}
          </div>
          {/* Outside the tablist: a tablist may only hold tabs. */}
          <button type="button" className="tryit-small tryit-code-copy" onClick={() => void copy()} aria-label={copied ? 'Copied' : 'Copy code'}>{copied ? 'Copied' : 'Copy'}</button>
        </div>
      )}
      {failure && <p className="tryit-warn">Snippets could not load: {failure}</p>}
      {current ? (
        <pre id={`tryit-code-${uid}`} className="tryit-pre" role="tabpanel" tabIndex={0} aria-labelledby={`tryit-code-tab-${uid}-${index}`}><code>{current.code}</code></pre>
      ) : (
        !failure && <p className="tryit-meta tryit-code-loading">Loading the code for this request…</p>
      )}
    </div>
  );
}
