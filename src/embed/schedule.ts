// Browser: widget work in short slices. A page with thousands of snippets must never block its
// main thread: jobs run until a slice's budget is spent, then yield a task so input and painting
// go on; jobs for elements near the viewport run before the others.

/** 'mount', 'show', 'select', 'lines0'…: a newer job of a kind replaces the queued one. */
export type JobKind = string;

export interface Scheduler {
  /** Queues `job` for `el`; a newer job of the same kind for the same element replaces the older one. */
  add(el: Element, kind: JobKind, job: () => void): void;
}

/** `budgetMs`: work per slice; far below the 50 ms a long task starts at, so a slow job still fits. */
export function createScheduler(budgetMs = 5, margin = '50% 0px'): Scheduler {
  const jobs = new Map<Element, Map<JobKind, () => void>>();
  const close = new Set<Element>();
  // The first slice waits for the observer's first report (one frame), so it knows what is in view.
  let seen = typeof IntersectionObserver !== 'function';
  const observer = seen
    ? undefined
    : new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (e.isIntersecting) close.add(e.target);
        else close.delete(e.target);
      }
      if (!seen) {
        seen = true;
        wake();
      }
    }, { rootMargin: margin });
  const channel = new MessageChannel();
  let scheduled = false;

  const wake = () => {
    if (scheduled || !seen) return;
    scheduled = true;
    channel.port2.postMessage(0);
  };

  channel.port1.onmessage = () => {
    scheduled = false;
    const end = performance.now() + budgetMs;
    while (jobs.size > 0 && performance.now() < end) {
      const el = pick();
      const queued = jobs.get(el)!;
      jobs.delete(el);
      for (const job of queued.values()) {
        try {
          job();
        } catch (error) {
          // One widget's failure is shown inside it by the job itself; never stop the queue.
          console.warn('[snippets]', error);
        }
      }
      // Watched only while it has work: each watched element costs every frame (and every scroll) a
      // check. Its last state stays known until the observer reports again on its next job.
      if (!jobs.has(el)) observer?.unobserve(el);
    }
    if (jobs.size > 0) wake();
  };

  /** The first queued element near the viewport, else the first queued one (document order, mostly). */
  function pick(): Element {
    for (const el of close) if (jobs.has(el)) return el;
    return jobs.keys().next().value!;
  }

  return {
    add(el, kind, job) {
      let queued = jobs.get(el);
      if (!queued) {
        queued = new Map();
        jobs.set(el, queued);
        observer?.observe(el);
      }
      queued.set(kind, job);
      wake();
    },
  };
}
