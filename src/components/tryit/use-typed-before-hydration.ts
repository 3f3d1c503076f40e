import { useEffect, type RefObject } from 'react';

/** Filled by TryIt.astro's inline script: each control a reader changed before hydration, with its value. */
const TYPED = Symbol.for('api-docs.tryit-typed');
type Typed = Map<Element, string | boolean>;

/**
 * What a reader typed, picked or chose before the island hydrated (the server-rendered form is
 * usable at once; its script arrives only when the console scrolls into view) is kept: each
 * control is given its value back (hydration may have reset it) and replayed through its own
 * handler, in page order, so state and the request hold it. Declare it after the island's other
 * mount effects: typed text wins over a remembered key.
 */
export function useTypedBeforeHydration(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const typed = (globalThis as unknown as Record<symbol, Typed | undefined>)[TYPED];
    const island = root.current;
    if (!typed || !island) return;
    for (const control of island.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')) {
      const value = typed.get(control);
      if (value === undefined) continue;
      typed.delete(control);
      if (typeof value === 'boolean') (control as HTMLInputElement).checked = value;
      else if ((control as HTMLInputElement).type !== 'file') control.value = value;
      // preact/compat listens for `input` on text controls and `change` on the others; each handler is idempotent.
      control.dispatchEvent(new Event('input', { bubbles: true }));
      control.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }, [root]);
}
