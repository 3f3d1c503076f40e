// The widget's CSS lives in its shadow root, so it neither restyles the host page nor inherits
// the host's rules: `all: initial !important` on the host wins even over a host page's
// `* { ... !important }`, because important rules from inside a shadow tree beat outer ones.
// It also beats normal rules next to it, so the widget's own fonts and colours start at `.w`.

/** Foreground and background of the two Shiki themes (checked against them in a test). */
export const THEME_COLORS = {
  light: { fg: '#24292e', bg: '#fff' },
  dark: { fg: '#e1e4e8', bg: '#24292e' },
} as const;

export const WIDGET_CSS = `
:host{all:initial!important;display:block!important;content-visibility:auto!important;contain-intrinsic-size:auto 16em!important;
--fg:${THEME_COLORS.light.fg};--bg:${THEME_COLORS.light.bg};--bar:#f6f8fa;--line:#d0d7de;--muted:#57606a;--accent:#0969da;--err:#cf222e}
:host([theme=dark]){--fg:${THEME_COLORS.dark.fg};--bg:${THEME_COLORS.dark.bg};--bar:#1f2428;--line:#444d56;--muted:#959da5;--accent:#79b8ff;--err:#f97583}
*{box-sizing:border-box}
.w{border:1px solid var(--line);border-radius:8px;overflow:hidden;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:left}
.head,.foot{display:flex;align-items:center;gap:8px;background:var(--bar);padding:0 8px 0 12px;flex-wrap:wrap}
.head{border-bottom:1px solid var(--line);column-gap:8px;row-gap:0}
.foot{border-top:1px solid var(--line);justify-content:flex-end;padding:5px 8px}
.title{flex:1 1 12em;min-width:0;padding:9px 0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:600;font-size:13px}
.tabs{display:flex;gap:2px;align-self:stretch}
button,a{font:inherit;font-size:12.5px;color:inherit;background:none;border:0;margin:0;cursor:pointer;text-decoration:none}
.tab{padding:8px 10px 6px;color:var(--muted);border-bottom:2px solid transparent}
.tab:hover{color:var(--fg)}
.tab[aria-selected=true]{color:var(--fg);border-bottom-color:var(--accent);font-weight:600}
.btn{padding:3px 10px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.btn:hover{border-color:var(--accent);color:var(--accent)}
pre{margin:0;padding:12px 14px;overflow:auto;max-height:28em;background:var(--bg);color:var(--fg);
font:13px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;white-space:pre;tab-size:4}
code{font:inherit;color:inherit;background:none;padding:0}
.loading{color:var(--muted);min-height:6em}
.err{padding:8px 12px;color:var(--err);border-color:var(--err);font-size:13px}
:focus-visible{outline:2px solid var(--accent);outline-offset:-2px}
`;

/** `snippets.css`, for the host page: only the elements the widgets replace, so pages keep their layout. */
export const HOST_CSS = 'snippet[data-name],[data-snippet]{display:block}\n';
