// One snippet widget: a `<snp-widget>` element with an open shadow root holding the header
// (title, language tabs), the code and the footer (copy, docs). Every text goes in through
// textContent or text nodes, and token colours are classes (see render-lines.ts): nothing is parsed as HTML.
import { copyText } from './copy-text.ts';
import type { PaletteEntry, TokenLine } from './payload.ts';
import { renderLines, tokenSheet } from './render-lines.ts';
import { WIDGET_CSS } from './styles.ts';

export interface VariantView {
  lang: string;
  label: string;
  code: string;
  /** Null while the code waits for highlighting (shown as plain text meanwhile). */
  lines: TokenLine[] | null;
  palette: PaletteEntry[];
}

export interface WidgetModel {
  title: string;
  docs?: string;
  variants: VariantView[];
}

export type WidgetState = 'loading' | 'plain' | 'ready' | 'error';

export interface Widget {
  host: HTMLElement;
  setTheme(theme: 'light' | 'dark'): void;
  showLoading(title: string): void;
  showError(message: string): void;
  show(model: WidgetModel, lang: string | undefined): void;
  /** Selects a language if this widget has it; true when it did. */
  select(lang: string): boolean;
  /** The language of the tab on screen. */
  shown(): string | undefined;
  /** The highlighted lines for a variant arrived. */
  highlighted(index: number, lines: TokenLine[], palette: PaletteEntry[]): void;
}

let sheet: CSSStyleSheet | undefined;

export function createWidget(onPick: (lang: string) => void): Widget {
  const host = document.createElement('snp-widget');
  const root = host.attachShadow({ mode: 'open' });
  // One stylesheet object for all widgets, parsed once (and the token colours beside it).
  try {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(WIDGET_CSS);
    root.adoptedStyleSheets = [sheet, tokenSheet!];
  } catch {
    root.append(el('style', '', WIDGET_CSS));
  }
  const frame = el('div', 'w');
  root.append(frame);
  let model: WidgetModel | undefined;
  let current = -1;
  let tabs: HTMLButtonElement[] = [];
  let pre: HTMLElement | undefined;
  // Each language's <code> is built the first time it is shown and kept: switching back is a swap.
  let codes: Array<HTMLElement | undefined> = [];
  // Off screen (the browser skips rendering it: content-visibility), a widget shows its code as
  // one text node; its hundreds of coloured spans are built when it comes near the viewport.
  let far = 'oncontentvisibilityautostatechange' in host;
  host.addEventListener('contentvisibilityautostatechange', (event) => {
    far = (event as Event & { skipped: boolean }).skipped;
    paint();
  });

  const state = (value: WidgetState) => host.setAttribute('state', value);
  const paint = () => {
    if (!model || !pre) return;
    const v = model.variants[current];
    let code = codes[current];
    if (!code || (!far && v.lines && !code.className)) {
      code = codes[current] = v.lines && !far ? highlightedCode(v.lines, v.palette) : el('code', '', v.code);
    }
    if (pre.firstChild !== code) pre.replaceChildren(code);
    state(model.variants.every((x) => x.lines) ? 'ready' : 'plain');
  };
  const choose = (index: number) => {
    current = index;
    tabs.forEach((t, i) => {
      t.setAttribute('aria-selected', String(i === index));
      t.tabIndex = i === index ? 0 : -1;
    });
    paint();
  };

  return {
    host,
    setTheme: (theme) => host.setAttribute('theme', theme),
    showLoading(title) {
      state('loading');
      frame.className = 'w';
      frame.replaceChildren(el('div', 'head', '', [el('span', 'title', title)]), el('pre', 'loading', 'Loading…'));
    },
    showError(message) {
      model = undefined;
      state('error');
      frame.className = 'w err';
      frame.setAttribute('role', 'alert');
      frame.replaceChildren(`⚠ ${message}`);
    },
    show(next, lang) {
      model = next;
      frame.className = 'w';
      frame.removeAttribute('role');
      const list = el('div', 'tabs');
      list.setAttribute('role', 'tablist');
      list.setAttribute('aria-label', `${next.title}: language`);
      tabs = next.variants.map((v, i) => {
        const tab = el('button', 'tab', v.label) as HTMLButtonElement;
        tab.type = 'button';
        tab.setAttribute('role', 'tab');
        // This widget switches at once; the others follow in slices (see start-embed.ts).
        tab.addEventListener('click', () => {
          choose(i);
          onPick(next.variants[i].lang);
        });
        tab.addEventListener('keydown', (event) => {
          const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
          if (!step) return;
          const to = (i + step + tabs.length) % tabs.length;
          tabs[to].focus();
          choose(to);
          onPick(next.variants[to].lang);
        });
        return tab;
      });
      list.append(...tabs);
      codes = [];
      const panel = (pre = el('pre', ''));
      panel.tabIndex = 0; // scrollable by keyboard
      panel.setAttribute('role', 'tabpanel');
      const copy = el('button', 'btn', 'Copy') as HTMLButtonElement;
      copy.type = 'button';
      copy.addEventListener('click', () => {
        copyText(model!.variants[current].code, root).then(
          () => flash(copy, 'Copied'),
          () => flash(copy, 'Press Ctrl+C'),
        );
      });
      const foot = el('div', 'foot', '', [copy]);
      if (next.docs) {
        const docs = el('a', 'btn', 'Docs ↗') as HTMLAnchorElement;
        docs.href = next.docs;
        docs.target = '_blank';
        docs.rel = 'noopener noreferrer';
        foot.append(docs);
      }
      frame.replaceChildren(el('div', 'head', '', [el('span', 'title', next.title), list]), panel, foot);
      const found = next.variants.findIndex((v) => v.lang === lang);
      choose(found >= 0 ? found : 0);
    },
    select(lang) {
      const index = model?.variants.findIndex((v) => v.lang === lang) ?? -1;
      if (index < 0) return false;
      if (index !== current) choose(index);
      return true;
    },
    shown: () => model?.variants[current]?.lang,
    highlighted(index, lines, palette) {
      if (!model) return;
      Object.assign(model.variants[index], { lines, palette });
      codes[index] = undefined;
      paint();
    },
  };
}

// A page shows the same snippet many times: its highlighted <code> is built once and cloned.
const built = new WeakMap<TokenLine[], HTMLElement>();

function highlightedCode(lines: TokenLine[], palette: PaletteEntry[]): HTMLElement {
  let code = built.get(lines);
  if (!code) {
    code = el('code', '');
    renderLines(code, lines, palette);
    built.set(lines, code);
  }
  return code.cloneNode(true) as HTMLElement;
}

function el(tag: string, className: string, text = '', children: Node[] = []): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  node.append(...children);
  return node;
}

function flash(button: HTMLElement, text: string): void {
  button.textContent = text;
  setTimeout(() => (button.textContent = 'Copy'), 1500);
}
