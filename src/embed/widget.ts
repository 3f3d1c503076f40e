// One snippet widget: a `<snp-widget>` element with an open shadow root holding the header
// (title, language tabs), the code and the footer (copy, docs). Every text goes in through
// textContent or text nodes and every colour through style.setProperty: nothing is parsed as HTML.
import type { PaletteEntry, TokenLine } from './payload.ts';
import { THEME_COLORS, WIDGET_CSS } from './styles.ts';

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
  try {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(WIDGET_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.append(el('style', '', WIDGET_CSS));
  }
  const frame = el('div', 'w');
  root.append(frame);
  let model: WidgetModel | undefined;
  let current = -1;
  let tabs: HTMLButtonElement[] = [];
  let code: HTMLElement | undefined;

  const state = (value: WidgetState) => host.setAttribute('state', value);
  const paint = () => {
    if (!model || !code) return;
    const v = model.variants[current];
    if (v.lines) renderLines(code, v.lines, v.palette);
    else code.textContent = v.code;
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
      tabs = next.variants.map((v, i) => {
        const tab = el('button', 'tab', v.label) as HTMLButtonElement;
        tab.type = 'button';
        tab.setAttribute('role', 'tab');
        tab.addEventListener('click', () => onPick(next.variants[i].lang));
        tab.addEventListener('keydown', (event) => {
          const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
          if (!step) return;
          const to = (i + step + tabs.length) % tabs.length;
          tabs[to].focus();
          onPick(next.variants[to].lang);
        });
        return tab;
      });
      list.append(...tabs);
      code = el('code', '');
      const pre = el('pre', '', '', [code]);
      pre.tabIndex = 0;
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
      frame.replaceChildren(el('div', 'head', '', [el('span', 'title', next.title), list]), pre, foot);
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
      paint();
    },
  };
}

function el(tag: string, className: string, text = '', children: Node[] = []): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  node.append(...children);
  return node;
}

/** Default-coloured text stays a text node; other tokens become spans with both theme colours. */
function renderLines(target: HTMLElement, lines: TokenLine[], palette: PaletteEntry[]): void {
  const out = document.createDocumentFragment();
  lines.forEach((line, n) => {
    if (n > 0) out.append('\n');
    for (let i = 0; i < line.length; i += 2) {
      const [light, dark, style] = palette[line[i + 1] as number];
      const text = line[i] as string;
      if (light === THEME_COLORS.light.fg && dark === THEME_COLORS.dark.fg && !style) {
        out.append(text);
        continue;
      }
      const span = document.createElement('span');
      span.textContent = text;
      span.style.setProperty('--l', light);
      span.style.setProperty('--d', dark);
      if (style) span.className = ['i', 'b', 'u'].filter((_, bit) => style & (1 << bit)).join(' ');
      out.append(span);
    }
  });
  target.replaceChildren(out);
}

async function copyText(text: string, root: ShadowRoot): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Pages over plain HTTP have no async clipboard; a selected textarea still copies.
    const area = document.createElement('textarea');
    area.value = text;
    area.style.cssText = 'position:fixed;opacity:0';
    root.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('copy refused');
  }
}

function flash(button: HTMLElement, text: string): void {
  button.textContent = text;
  setTimeout(() => (button.textContent = 'Copy'), 1500);
}
