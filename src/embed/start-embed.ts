// Finds `<snippet data-name>` and `<div data-snippet>` elements, now and whenever the page adds
// or changes one, and keeps a widget in each. `data-*` attributes override the payload
// defaults: the browser's own `dataset` turns `data-base-url` into `baseUrl`, exactly as
// seed 004's bundle read them. A failing snippet shows its error inside its own widget.
import { loaded, loadPayload, toSnippetId } from './load-payload.ts';
import { linesToText, type EmbedPayload } from './payload.ts';
import { createScheduler } from './schedule.ts';
import { createWidget, type VariantView, type Widget } from './widget.ts';

const SELECTOR = 'snippet[data-name],[data-snippet]';
/** Attributes that configure the widget rather than the template. */
const RESERVED = new Set(['name', 'snippet', 'theme']);

interface Mounted {
  widget: Widget;
  /** Bumped on each render, so a slow load for old attributes never overwrites a newer one. */
  generation: number;
}

export function startEmbed(doc: Document, base: URL): void {
  const mounted = new Map<HTMLElement, Mounted>();
  // Thousands of widgets must not block the page: all DOM work runs in slices, near the viewport first.
  const scheduler = createScheduler();
  const dark = matchMedia('(prefers-color-scheme: dark)');
  let preferred: string | undefined;

  const themeOf = (el: HTMLElement): 'light' | 'dark' => {
    const chosen = el.closest('[data-theme]')?.getAttribute('data-theme');
    return chosen === 'dark' || chosen === 'light' ? chosen : dark.matches ? 'dark' : 'light';
  };
  const each = (fn: (el: HTMLElement, m: Mounted) => void) => {
    for (const [el, m] of mounted) {
      if (el.isConnected) fn(el, m);
      else mounted.delete(el);
    }
  };
  const retheme = () => each((el, m) => m.widget.setTheme(themeOf(el)));
  // A tab picked in one widget (which has switched already) switches every widget with that language.
  const pick = (lang: string) => {
    preferred = lang;
    each((el, m) => {
      if (m.widget.shown() !== lang) scheduler.add(el, 'select', () => m.widget.select(lang));
    });
  };

  const ownAttributes = new MutationObserver((records) => {
    const changed = new Set(records.filter((r) => r.attributeName?.startsWith('data-') && r.attributeName !== 'data-theme').map((r) => r.target as HTMLElement));
    changed.forEach(render);
  });

  const render = (el: HTMLElement) => scheduler.add(el, 'mount', () => mount(el));

  function mount(el: HTMLElement): void {
    let m = mounted.get(el);
    if (!m || !el.contains(m.widget.host)) {
      m = { widget: createWidget(pick), generation: 0 };
      mounted.set(el, m);
      el.replaceChildren(m.widget.host);
      ownAttributes.observe(el, { attributes: true });
    }
    const generation = ++m.generation;
    const { widget } = m;
    const current = () => m.generation === generation;
    widget.setTheme(themeOf(el));
    let id = '';
    const fail = (error: unknown) => {
      if (!current()) return;
      // By name: the lazy chunks carry their own copy of EmbedError.
      const message = (error as Error)?.name === 'EmbedError' ? (error as Error).message : `snippet "${id}" failed: ${String((error as Error)?.message ?? error)}`;
      widget.showError(message);
      console.warn(`[snippets] ${message}`, el);
    };
    // The DOM work happens in the scheduler's slices: this one, or a later one once the JSON is here.
    const present = (payload: EmbedPayload, variants: VariantView[]) => {
      widget.show({ title: payload.title, docs: docsUrl(payload.docs, base), variants }, preferred);
      // What could not be patched is highlighted (once per page for the same code), the tab on screen first.
      const waiting = variants.map((v, i) => [v, i] as const).filter(([v]) => !v.lines);
      waiting.sort(([a], [b]) => Number(b.lang === widget.shown()) - Number(a.lang === widget.shown()));
      for (const [v, i] of waiting) {
        highlightOnce(v.code, payload.variants[i].grammar).then(
          (done) => current() && scheduler.add(el, `lines${i}`, () => current() && widget.highlighted(i, done.lines, done.palette)),
          fail,
        );
      }
    };
    try {
      id = toSnippetId(el.hasAttribute('data-snippet') ? el.dataset.snippet : el.dataset.name);
      const overrides = readOverrides(el);
      const changed = Object.keys(overrides).length > 0;
      // A snippet already on the page (and its runner, if needed) shows at once, without a loading state.
      const payload = loaded(id);
      if (payload && (!changed || runner)) return present(payload, toVariants(payload, overrides, runner));
      widget.showLoading(id);
      // The runner loads alongside the JSON, not after it.
      Promise.all([loadPayload(base, id), changed ? loadRenderer() : undefined])
        .then(([payload, run]) => {
          const variants = toVariants(payload, overrides, run);
          if (current()) scheduler.add(el, 'show', () => current() && present(payload, variants));
        })
        .catch(fail);
    } catch (error) {
      fail(error);
    }
  }

  const scan = (root: ParentNode) => {
    if (root instanceof HTMLElement && root.matches(SELECTOR)) ensure(root);
    root.querySelectorAll<HTMLElement>(SELECTOR).forEach(ensure);
  };
  const ensure = (el: HTMLElement) => {
    const m = mounted.get(el);
    if (!m || !el.contains(m.widget.host)) render(el);
  };

  new MutationObserver((records) => {
    let themes = false;
    let removed = false;
    for (const r of records) {
      if (r.type === 'attributes') {
        if (r.attributeName === 'data-theme') themes = true;
        else if ((r.target as HTMLElement).matches(SELECTOR)) ensure(r.target as HTMLElement);
      } else {
        r.addedNodes.forEach((node) => node instanceof HTMLElement && scan(node));
        removed ||= r.removedNodes.length > 0;
        // A host framework that re-rendered an element's children removed our widget: put it back.
        if (mounted.has(r.target as HTMLElement)) ensure(r.target as HTMLElement);
      }
    }
    if (themes) retheme();
    // Forget widgets whose element left the page (single-page apps come and go).
    else if (removed) each(() => undefined);
  }).observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-theme', 'data-name', 'data-snippet'] });
  dark.addEventListener('change', retheme);
  scan(doc);
}

function readOverrides(el: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(el.dataset)) if (!RESERVED.has(key) && value !== undefined) out[key] = value;
  return out;
}

type Runner = typeof import('./render-overrides.ts');
let loading: Promise<Runner> | undefined;
/** The override runner once it is here. */
let runner: Runner | undefined;
const loadRenderer = () => (loading ??= import('./render-overrides.ts').then((r) => (runner = r)));

// Widgets of one snippet with the same overrides share one rendering, and code one highlighting.
const rendered = new Map<string, ReturnType<Runner['renderOverrides']>>();
const highlighted = new Map<string, ReturnType<typeof import('./highlight-browser.ts').highlight>>();

function highlightOnce(code: string, grammar: string) {
  const key = `${grammar}\n${code}`;
  let done = highlighted.get(key);
  if (!done) highlighted.set(key, (done = import('./highlight-browser.ts').then((h) => h.highlight(code, grammar))));
  return done;
}

function toVariants(payload: EmbedPayload, overrides: Record<string, string>, run: Runner | undefined): VariantView[] {
  const key = `${payload.id} ${JSON.stringify(overrides)}`;
  let out = rendered.get(key);
  if (!out) {
    out = run ? run.renderOverrides(payload, overrides) : payload.variants.map((v) => ({ code: linesToText(v.lines), lines: v.lines }));
    rendered.set(key, out);
  }
  return out.map((r, i) => ({ lang: payload.variants[i].lang, label: payload.variants[i].label, code: r.code, lines: r.lines, palette: payload.palette }));
}

/** Docs links are resolved against the site that serves the bundle; only http(s) links are shown. */
function docsUrl(docs: string | undefined, base: URL): string | undefined {
  if (!docs) return undefined;
  const url = new URL(docs, base);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}
