// The few behaviours of an operation block that need script: status tabs over the response
// example, "Try it" turning the example column into the console (and back), and links that
// point inside closed <details> or the console opening what they point to. No framework.

/** Fired by the console when a request goes out (tryit/reveal-answer.ts). Not imported from there: that would load it as its own chunk on every page. */
const SEND_EVENT = 'tryit:send';

export function initOperationBlocks(root: Document): void {
  for (const block of root.querySelectorAll<HTMLElement>('[data-operation-block]:not([data-ready])')) {
    block.dataset.ready = '1';
    for (const tabs of block.querySelectorAll<HTMLElement>('[data-tabs]')) initTabs(tabs);
    block.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      if (target.closest('[data-tryit-open]')) showConsole(block, true, true);
      else if (target.closest('[data-tryit-close]')) showConsole(block, false, true);
    });
    // The first request sent: the live answer takes the response example's place for good.
    block.addEventListener(SEND_EVENT, () => {
      const side = block.querySelector<HTMLElement>('[data-op-side]');
      if (side?.dataset.mode !== 'console') return;
      side.dataset.answered = '1';
      placeResponseExample(block, true);
    });
  }
  const reveal = () => revealTarget(root, decodeURIComponent(location.hash.slice(1)));
  addEventListener('hashchange', reveal);
  // Same-page links to a hash already in the URL do not fire hashchange: reveal on click too.
  root.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[href^="#"]');
    if (link) setTimeout(() => revealTarget(root, decodeURIComponent(link.hash.slice(1))));
  });
  reveal();
}

/** Console in place of the examples (or back); focus follows so keyboard readers land in it. */
function showConsole(block: HTMLElement, open: boolean, moveFocus: boolean): void {
  const side = block.querySelector<HTMLElement>('[data-op-side]');
  const console_ = block.querySelector<HTMLElement>('[data-op-console]');
  const examples = block.querySelector<HTMLElement>('[data-op-examples]');
  if (!side || !console_ || !examples) return;
  side.dataset.mode = open ? 'console' : 'examples';
  console_.hidden = !open;
  examples.hidden = open;
  placeResponseExample(block, open);
  for (const button of block.querySelectorAll('[data-tryit-open]')) button.setAttribute('aria-expanded', String(open));
  if (!moveFocus) return;
  const focusTarget = open ? console_.querySelector<HTMLElement>('[data-console-heading]') : block.querySelector<HTMLElement>('[data-tryit-open]');
  focusTarget?.focus({ preventScroll: true });
  side.scrollTop = 0;
  if (open && side.getBoundingClientRect().top < 0) side.scrollIntoView({ block: 'start' });
  if (open) bringColumnIntoView(side);
}

/**
 * The request sample gives way to the live code (inside the console); the response example
 * moves under the console, where the live answer will show, and stays until the first answer.
 * Moved, not copied: one set of ids, and the tab order follows what the reader sees.
 */
function placeResponseExample(block: HTMLElement, open: boolean): void {
  const example = block.querySelector<HTMLElement>('[data-op-response-example]');
  const home = block.querySelector<HTMLElement>(open ? '[data-op-console]' : '[data-op-examples]');
  if (!example || !home) return;
  if (example.parentElement !== home) home.append(example);
  example.hidden = open && block.querySelector<HTMLElement>('[data-op-side]')?.dataset.answered === '1';
}

/**
 * Two panes: the column scrolls on its own, with Send stuck to its bottom. Below the page's
 * title that bottom starts under the fold, so the page scrolls just enough to show all of it.
 */
function bringColumnIntoView(side: HTMLElement): void {
  if (getComputedStyle(side).overflowY !== 'auto') return;
  const below = side.getBoundingClientRect().bottom - innerHeight;
  if (below > 0) scrollBy({ top: below + 8, behavior: 'instant' });
}

function initTabs(container: HTMLElement): void {
  const tabs = [...container.querySelectorAll<HTMLElement>(':scope [role="tab"]')];
  const select = (tab: HTMLElement) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      const panel = container.querySelector<HTMLElement>(`#${CSS.escape(t.getAttribute('aria-controls') ?? '')}`);
      if (panel) panel.hidden = !on;
    }
  };
  container.addEventListener('click', (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
    if (tab && tabs.includes(tab)) select(tab);
  });
  container.addEventListener('keydown', (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
    if (!tab || !tabs.includes(tab)) return;
    const i = tabs.indexOf(tab);
    const next = event.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : event.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : event.key === 'Home' ? tabs[0] : event.key === 'End' ? tabs[tabs.length - 1] : undefined;
    if (!next) return;
    event.preventDefault();
    select(next);
    next.focus();
  });
}

/**
 * Opens what a fragment points to: every closed <details> around it ("Show N more", nested
 * fields, a response), the tab panel it sits in, or the console for `#try-it`.
 */
function revealTarget(root: Document, id: string): void {
  if (id === '') return;
  const target = root.getElementById(id);
  if (!target) return;
  const console_ = target.closest<HTMLElement>('[data-op-console]') ?? (target.matches('[data-console-heading]') ? target.closest('[data-op-console]') : null);
  if (console_) {
    const block = console_.closest<HTMLElement>('[data-operation-block]');
    if (block) showConsole(block, true, false);
  }
  for (let el: HTMLElement | null = target; el; el = el.parentElement) {
    if (el instanceof HTMLDetailsElement && el !== target) el.open = true;
    if (el.getAttribute('role') === 'tabpanel' && el.hidden) {
      root.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(el.id)}"]`)?.click();
    }
  }
  if (target instanceof HTMLDetailsElement) target.open = true;
  target.scrollIntoView({ block: 'start' });
}
