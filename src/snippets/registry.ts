import { parseConfig, type SnippetConfig } from './config.ts';
import { checkSyntax } from './check-syntax.ts';
import { SnippetError } from './errors.ts';
import { languageAliases, languageOf, type Language } from './languages.ts';
import { templateVariables, type RequiredVariable } from './variables.ts';

export interface TemplateSource {
  /** The file name's stem, kept as the tab key: `py`, `python`, `curl`. */
  alias: string;
  language: Language;
  file: string;
  source: string;
  /** Top-level payload variables the template reads. */
  variables: string[];
  /** Those it reads outside any {{#if}}: a render without them is an error. */
  required: RequiredVariable[];
  /** Those it prints without a quoting helper: an override of them must be plain text (see overrides.ts). */
  raw: RequiredVariable[];
}

export interface SnippetSource {
  /** `group.name`, as in `<snippet data-name="open-ai.chat-completion">`. */
  id: string;
  group: string;
  name: string;
  configFile: string;
  config: SnippetConfig;
  templates: TemplateSource[];
}

/** Plain data: every snippet folder, validated. Generated clients live under `_generated`. */
export interface SnippetRegistry {
  root: string;
  snippets: Record<string, SnippetSource>;
}

export interface SourceFile {
  /** Path from the project root, e.g. `snippets/open-ai/chat-completion/js.hbs`. */
  path: string;
  text: string;
}

const SEGMENT = /^_?[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Builds the registry from the files of a `snippets/` folder (seed 004 layout). */
export function createRegistry(files: SourceFile[], root = 'snippets'): SnippetRegistry {
  const folders = new Map<string, { config?: SourceFile; templates: SourceFile[] }>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const relative = file.path.slice(root.length + 1).split('/');
    if (file.path.endsWith('.md')) continue;
    if (relative.length !== 3) {
      throw new SnippetError(file.path, undefined, `snippet files live in ${root}/<group>/<name>/ (config.json and <language>.hbs); move this file there.`);
    }
    const [group, name, base] = relative;
    for (const segment of [group, name]) {
      if (!SEGMENT.test(segment)) throw new SnippetError(file.path, undefined, `folder "${segment}" must be kebab-case (lower-case letters, digits and dashes).`);
    }
    const key = `${group}.${name}`;
    const folder = folders.get(key) ?? { templates: [] };
    folders.set(key, folder);
    if (base === 'config.json') folder.config = file;
    else if (base.endsWith('.hbs')) folder.templates.push(file);
    else throw new SnippetError(file.path, undefined, `only config.json and <language>.hbs files belong in a snippet folder (e.g. py.hbs, js.hbs, sh.hbs).`);
  }
  const snippets: Record<string, SnippetSource> = {};
  for (const [id, folder] of folders) {
    const [group, name] = id.split('.');
    const configFile = `${root}/${group}/${name}/config.json`;
    const config = parseConfig(folder.config?.text ?? '', configFile, name);
    if (folder.templates.length === 0) throw new SnippetError(configFile, undefined, 'this snippet has no template; add one <language>.hbs file beside it (py.hbs, js.hbs, sh.hbs, ...).');
    const templates = folder.templates.map((file) => toTemplate(file));
    const seen = new Map<string, string>();
    for (const t of templates) {
      const other = seen.get(t.language.id);
      if (other) throw new SnippetError(t.file, undefined, `${other} is the same language (${t.language.label}); keep one of them.`);
      seen.set(t.language.id, t.file);
    }
    snippets[id] = { id, group, name, configFile, config, templates };
  }
  return { root, snippets };
}

function toTemplate(file: SourceFile): TemplateSource {
  const alias = file.path.split('/').pop()!.replace(/\.hbs$/, '');
  const language = languageOf(alias);
  if (!language) throw new SnippetError(file.path, undefined, `"${alias}" is not a language this site knows; name the file after one of: ${languageAliases().join(', ')}.`);
  checkSyntax(file.text, file.path);
  return { alias, language, file: file.path, source: file.text, ...templateVariables(file.text, file.path) };
}

/** A snippet by `group.name`, or an error that names the close matches. */
export function getSnippet(registry: SnippetRegistry, id: string): SnippetSource {
  const found = registry.snippets[id];
  if (found) return found;
  const [group] = id.split('.');
  const near = Object.keys(registry.snippets).filter((k) => k.startsWith(`${group}.`));
  throw new SnippetError(`${registry.root}/`, undefined, `no snippet "${id}"${near.length ? `; ${group} has ${near.join(', ')}` : `; snippet names are <group>.<name> folders of ${registry.root}/`}.`);
}
