// After Send the answer is what the reader looks for. The console tells the page around it (an
// operation page then hides its static response example: the live answer takes its place) and
// scrolls its own scroller (the page's sticky column, else the window) so the answer's first
// line shows just under Send. No framework: plain DOM, shared with the operation page's script.

/** Fired (bubbling) from the console's root when a request goes out; operation-page.ts listens. */
const SEND_EVENT = 'tryit:send';

export function announceSend(console_: HTMLElement): void {
  console_.dispatchEvent(new CustomEvent(SEND_EVENT, { bubbles: true }));
  const answer = console_.querySelector<HTMLElement>('.tryit-response');
  // After the page has reacted (the example hidden), so the answer's place is where it ends up.
  if (answer) requestAnimationFrame(() => revealAnswer(answer));
}

/**
 * Scrolls the answer's top to just under Send (its CSS scroll-margin-top), unless it already
 * shows in the top half of its scroller. At the end of a column the answer, still one line,
 * cannot come up that far yet: it is followed as it grows, until it is there, the reader
 * scrolls or types, or 15 s pass.
 */
function revealAnswer(answer: HTMLElement): void {
  const scroller = scrollParent(answer);
  const view = () => (scroller ? scroller.getBoundingClientRect() : { top: 0, height: innerHeight });
  const margin = parseFloat(getComputedStyle(answer).scrollMarginTop) || 0;
  const offset = () => answer.getBoundingClientRect().top - view().top - margin;
  const top = offset();
  if (top >= 0 && top + margin <= view().height / 2) return;
  const target = scroller ?? window;
  // Called at once on observe(), then on every change of the answer's size.
  const observer = new ResizeObserver(() => {
    const left = offset();
    if (Math.abs(left) < 2) return stop();
    target.scrollBy({ top: left, behavior: 'instant' });
  });
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of ['wheel', 'touchstart', 'keydown']) target.removeEventListener(type, stop);
  };
  const timer = setTimeout(stop, 15_000);
  observer.observe(answer);
  for (const type of ['wheel', 'touchstart', 'keydown']) target.addEventListener(type, stop, { passive: true });
}

/** The nearest ancestor that scrolls on its own; undefined when that is the window. */
function scrollParent(el: HTMLElement): HTMLElement | undefined {
  for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  return undefined;
}
