import { useEffect, useMemo, useState } from 'react';
import { escapeHtml } from '../../snippets/runtime.ts';
import { HIGHLIGHT_LIMIT, PREVIEW_LIMIT, highlightJson, prettyJson, previewOf, type BodyView as View } from '../../tryit/index.ts';

/** Pretty body, highlighted when small; big bodies show their first part until "Show all". */
export function BodyView({ view, collapsed }: { view: View; collapsed: boolean }) {
  const [all, setAll] = useState(false);
  const [open, setOpen] = useState(!collapsed);
  // Media found after the first render folds the raw JSON away (one click brings it back).
  useEffect(() => setOpen(!collapsed), [collapsed]);
  const shown = useMemo(() => {
    const limit = all ? Infinity : PREVIEW_LIMIT;
    return view.json ? prettyJson(view.raw, limit) : all ? { text: view.raw, truncated: false } : previewOf(view.raw, limit);
  }, [view, all]);
  const html = useMemo(() => (view.json && shown.text.length <= HIGHLIGHT_LIMIT ? highlightJson(shown.text) : escapeHtml(shown.text)), [shown.text, view.json]);
  if (!open) return <button type="button" className="tryit-small" onClick={() => setOpen(true)}>Show raw JSON</button>;
  return (
    <div className="tryit-bodyview">
      {collapsed && <button type="button" className="tryit-small" onClick={() => setOpen(false)}>Hide raw JSON</button>}
      <pre className="tryit-pre" tabIndex={0} aria-label="Response body"><code dangerouslySetInnerHTML={{ __html: html }} /></pre>
      {shown.truncated && (
        <p className="tryit-more">
          Showing the first {Math.round(shown.text.length / 1000)} thousand of {Math.round(view.raw.length / 1000)} thousand characters.{' '}
          <button type="button" className="tryit-small" onClick={() => setAll(true)}>Show all</button>
        </p>
      )}
    </div>
  );
}
