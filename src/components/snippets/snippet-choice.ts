// The reader's snippet language, one choice for the whole site: the static tabs of every
// snippet block and the try-it console's live code read and write it here. Same-page
// listeners hear a change through one window event (`storage` fires only in other tabs).
const LANG_KEY = 'snippet-language';
const TAB_KEY = 'snippet-tab';
const EVENT = 'snippet-choice';

export interface SnippetChoice {
  /** The tab's own key (`openai.py`): the same client where a block has it. */
  key: string;
  /** Canonical language id (`python`): the fallback where the block lacks that client. */
  language: string;
}

export function rememberSnippetChoice(choice: SnippetChoice): void {
  try {
    localStorage.setItem(TAB_KEY, choice.key);
    localStorage.setItem(LANG_KEY, choice.language);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  dispatchEvent(new CustomEvent<SnippetChoice>(EVENT, { detail: choice }));
}

export function recallSnippetChoice(): SnippetChoice | undefined {
  try {
    const language = localStorage.getItem(LANG_KEY);
    return language ? { key: localStorage.getItem(TAB_KEY) ?? '', language } : undefined;
  } catch {
    return undefined;
  }
}

/** Calls `listen` on every choice made on this page; returns the unsubscribe. */
export function onSnippetChoice(listen: (choice: SnippetChoice) => void): () => void {
  const handler = (event: Event) => listen((event as CustomEvent<SnippetChoice>).detail);
  addEventListener(EVENT, handler);
  return () => removeEventListener(EVENT, handler);
}

/** Index of the variant to show: the same client, else the first of the same language; -1 when none. */
export function pickSnippet(variants: ReadonlyArray<{ key: string; language: string }>, choice: SnippetChoice | undefined): number {
  if (!choice) return -1;
  const byKey = variants.findIndex((v) => v.key === choice.key);
  return byKey >= 0 ? byKey : variants.findIndex((v) => v.language === choice.language);
}
