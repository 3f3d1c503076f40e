// Highlighted lines → DOM, without parsing any HTML: text nodes and spans whose colours are
// set through style.setProperty, one custom property per theme.
import type { PaletteEntry, TokenLine } from './payload.ts';
import { THEME_COLORS } from './styles.ts';

/** Default-coloured text stays a text node; other tokens become spans with both theme colours. */
export function renderLines(target: HTMLElement, lines: TokenLine[], palette: PaletteEntry[]): void {
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
