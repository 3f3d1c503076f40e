/** One language a template can be written in: `py.hbs` and `python.hbs` are the same language. */
export interface Language {
  /** Canonical id, used for the remembered tab choice: `python`. */
  id: string;
  /** Tab label. */
  label: string;
  /** Shiki grammar name. */
  grammar: string;
  /** File extension when the snippet is saved or run. */
  extension: string;
}

const table: Array<Language & { aliases: string[] }> = [
  { id: 'python', label: 'Python', grammar: 'python', extension: 'py', aliases: ['py', 'python'] },
  { id: 'javascript', label: 'JavaScript', grammar: 'javascript', extension: 'mjs', aliases: ['js', 'javascript', 'node', 'mjs'] },
  { id: 'typescript', label: 'TypeScript', grammar: 'typescript', extension: 'ts', aliases: ['ts', 'typescript'] },
  { id: 'shell', label: 'cURL', grammar: 'shellscript', extension: 'sh', aliases: ['sh', 'shell', 'bash', 'curl'] },
  { id: 'go', label: 'Go', grammar: 'go', extension: 'go', aliases: ['go', 'golang'] },
  { id: 'java', label: 'Java', grammar: 'java', extension: 'java', aliases: ['java'] },
  { id: 'kotlin', label: 'Kotlin', grammar: 'kotlin', extension: 'kt', aliases: ['kt', 'kotlin'] },
  { id: 'ruby', label: 'Ruby', grammar: 'ruby', extension: 'rb', aliases: ['rb', 'ruby'] },
  { id: 'php', label: 'PHP', grammar: 'php', extension: 'php', aliases: ['php'] },
  { id: 'csharp', label: 'C#', grammar: 'csharp', extension: 'cs', aliases: ['cs', 'csharp'] },
  { id: 'rust', label: 'Rust', grammar: 'rust', extension: 'rs', aliases: ['rs', 'rust'] },
  { id: 'swift', label: 'Swift', grammar: 'swift', extension: 'swift', aliases: ['swift'] },
  { id: 'http', label: 'HTTP', grammar: 'http', extension: 'http', aliases: ['http'] },
  { id: 'json', label: 'JSON', grammar: 'json', extension: 'json', aliases: ['json'] },
  { id: 'html', label: 'HTML', grammar: 'html', extension: 'html', aliases: ['html'] },
];

const byAlias = new Map(table.flatMap((l) => l.aliases.map((a) => [a, l] as const)));

/** The language of a template file name's stem (`py`, `python`, `curl`), or undefined. */
export function languageOf(alias: string): Language | undefined {
  const found = byAlias.get(alias.toLowerCase());
  return found && { id: found.id, label: found.label, grammar: found.grammar, extension: found.extension };
}

export function languageAliases(): string[] {
  return [...byAlias.keys()];
}

/** Every Shiki grammar a template may need, for loading on demand. */
export function grammars(): string[] {
  return [...new Set(table.map((l) => l.grammar))];
}
