import { useEffect, type RefObject } from 'react';

/**
 * What a reader typed, picked or chose before the island hydrated (the server-rendered form is
 * usable at once; its script arrives only when the console scrolls into view) is kept: each
 * control whose value differs from the one the server rendered is replayed through its own
 * handler, so state (and the request) holds it before the next render could reset it.
 * Runs after the island's other mount effects (declare it last): typed text wins over a
 * remembered key.
 */
export function useTypedBeforeHydration(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    for (const control of root.current?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select') ?? []) {
      if (!changedByReader(control)) continue;
      // preact/compat listens for `input` on text controls and `change` on the others; each handler is idempotent.
      control.dispatchEvent(new Event('input', { bubbles: true }));
      control.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }, [root]);
}

function changedByReader(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): boolean {
  if (control instanceof HTMLSelectElement) return [...control.options].some((o) => o.selected !== o.defaultSelected);
  if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) return control.checked !== control.defaultChecked;
  if (control instanceof HTMLInputElement && control.type === 'file') return (control.files?.length ?? 0) > 0;
  return control.value !== control.defaultValue;
}
