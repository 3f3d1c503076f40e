// Highlighted lines → DOM, without parsing any HTML: text nodes and spans with a class per
// palette entry. The colours are rules in one stylesheet that every widget's shadow root
// adopts: a page with 2,000 widgets has hundreds of thousands of tokens, and a span with an
// inline style costs the browser a style computation of its own, where spans of one class share one.
import type { PaletteEntry, TokenLine } from './payload.ts';
import { THEME_COLORS } from './styles.ts';

/** The token colours of every palette seen on the page (none in browsers without constructable sheets). */
export const tokenSheet = (() => {
  try {
    return new CSSStyleSheet();
  } catch {
    return undefined;
  }
})();
const classes = new Map<PaletteEntry[], string>();
// Colours come from the JSON; only plain hex colours make it into a rule.
const HEX = /^#[\da-f]{3,8}$/i;

/** The class of a palette's <code>; its rules are added the first time it is seen. */
function paletteClass(palette: PaletteEntry[]): string {
  let name = classes.get(palette);
  if (!name) {
    name = `p${classes.size}`;
    classes.set(palette, name);
    palette.forEach(([light, dark, style], i) => {
      if (!tokenSheet || !HEX.test(light) || !HEX.test(dark)) return;
      const font = (style & 1 ? 'font-style:italic;' : '') + (style & 2 ? 'font-weight:700;' : '') + (style & 4 ? 'text-decoration:underline;' : '');
      tokenSheet.insertRule(`.${name} .k${i}{color:${light};${font}}`);
      tokenSheet.insertRule(`:host([theme=dark]) .${name} .k${i}{color:${dark}}`);
    });
  }
  return name;
}

/** Default-coloured text (runs of it joined) stays a text node; other tokens become spans of their palette entry's class. */
export function renderLines(target: HTMLElement, lines: TokenLine[], palette: PaletteEntry[]): void {
  const out = document.createDocumentFragment();
  let plain = '';
  target.className = paletteClass(palette);
  lines.forEach((line, n) => {
    if (n > 0) plain += '\n';
    for (let i = 0; i < line.length; i += 2) {
      const [light, dark, style] = palette[line[i + 1] as number];
      if (light === THEME_COLORS.light.fg && dark === THEME_COLORS.dark.fg && !style) {
        plain += line[i];
        continue;
      }
      const span = document.createElement('span');
      span.textContent = line[i] as string;
      span.className = `k${line[i + 1]}`;
      if (plain) out.append(plain);
      out.append(span);
      plain = '';
    }
  });
  if (plain) out.append(plain);
  target.replaceChildren(out);
}
