// Grammars and themes load on demand: each is its own chunk in the embed bundle, and the build
// pays only for the languages its snippets use. Static import() strings so bundlers can see them.
type Loader = () => Promise<{ default: unknown }>;

export const GRAMMARS: Record<string, Loader> = {
  python: () => import('shiki/langs/python.mjs'),
  javascript: () => import('shiki/langs/javascript.mjs'),
  typescript: () => import('shiki/langs/typescript.mjs'),
  shellscript: () => import('shiki/langs/shellscript.mjs'),
  go: () => import('shiki/langs/go.mjs'),
  java: () => import('shiki/langs/java.mjs'),
  kotlin: () => import('shiki/langs/kotlin.mjs'),
  ruby: () => import('shiki/langs/ruby.mjs'),
  php: () => import('shiki/langs/php.mjs'),
  csharp: () => import('shiki/langs/csharp.mjs'),
  rust: () => import('shiki/langs/rust.mjs'),
  swift: () => import('shiki/langs/swift.mjs'),
  http: () => import('shiki/langs/http.mjs'),
  json: () => import('shiki/langs/json.mjs'),
  html: () => import('shiki/langs/html.mjs'),
};

export const THEMES = {
  light: { name: 'github-light', load: (() => import('shiki/themes/github-light.mjs')) as Loader },
  dark: { name: 'github-dark', load: (() => import('shiki/themes/github-dark.mjs')) as Loader },
};
