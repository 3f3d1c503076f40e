// Tabs, copy and the remembered language for every snippet block on the page. No framework:
// the blocks are static HTML, this only toggles `hidden` and `aria-selected`.
import { onSnippetChoice, pickSnippet, recallSnippetChoice, rememberSnippetChoice, type SnippetChoice } from './snippet-choice.ts';

let following = false;

export function initSnippetTabs(root: Document): void {
  const blocks = [...root.querySelectorAll<HTMLElement>('[data-snippet]')].filter((b) => !b.dataset.ready);
  for (const block of blocks) {
    block.dataset.ready = '1';
    block.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      const tab = target.closest<HTMLElement>('[role="tab"]');
      if (tab) {
        rememberSnippetChoice({ key: tab.dataset.key ?? '', language: tab.dataset.lang ?? '' });
      } else if (target.closest('[data-copy]')) {
        void copy(block, target.closest<HTMLElement>('[data-copy]')!);
      }
    });
    block.addEventListener('keydown', (event) => {
      const tab = (event.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
      if (!tab || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
      const tabs = [...block.querySelectorAll<HTMLElement>('[role="tab"]')];
      const next = tabs[(tabs.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      next.click();
      next.focus();
    });
  }
  const stored = recallSnippetChoice();
  if (stored) for (const block of blocks) choose(block, stored);
  // A choice made anywhere on the page (a tab here, the console's live code) moves every block.
  if (!following) {
    following = true;
    onSnippetChoice((choice) => {
      for (const block of root.querySelectorAll<HTMLElement>('[data-snippet]')) choose(block, choice);
    });
  }
}

/** Selects the tab with the same key (`openai.py`), else the first of the same language. */
function choose(block: HTMLElement, choice: SnippetChoice): void {
  const tabs = [...block.querySelectorAll<HTMLElement>('[role="tab"]')];
  const pick = tabs[pickSnippet(tabs.map((t) => ({ key: t.dataset.key ?? '', language: t.dataset.lang ?? '' })), choice)];
  if (!pick) return;
  for (const tab of tabs) {
    const on = tab === pick;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    const panel = block.querySelector<HTMLElement>(`#${tab.getAttribute('aria-controls')}`);
    if (panel) panel.hidden = !on;
  }
}

async function copy(block: HTMLElement, button: HTMLElement): Promise<void> {
  const panel = block.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden]) pre');
  if (!panel) return;
  await navigator.clipboard.writeText(panel.textContent ?? '');
  // The name changes with the text, so it always holds what the button shows.
  const label = button.getAttribute('aria-label');
  button.textContent = 'Copied';
  button.setAttribute('aria-label', 'Copied');
  setTimeout(() => {
    button.textContent = 'Copy';
    if (label) button.setAttribute('aria-label', label);
  }, 1500);
}
