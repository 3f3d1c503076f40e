// Passes an upstream body through chunk by chunk (never buffered), with an idle timer
// between chunks, and reports how it ended exactly once: completed, cancelled by the
// client (then the upstream is aborted), timed out, or failed upstream.

export type BodyOutcome = 'complete' | 'client-aborted' | 'idle-timeout' | 'upstream-error';

export interface WatchOptions {
  idleMs: number;
  /** Aborts the upstream request (and so its connection). */
  abort: (reason: string) => void;
  onDone: (outcome: BodyOutcome, bytes: number) => void;
  /**
   * Aborts when the client goes. Some runtimes (workerd) drop a request's pending work then, so
   * neither a cancel nor a read error may ever arrive: the end is reported as soon as it fires.
   */
  clientSignal?: AbortSignal;
}

export function watchBody(body: ReadableStream<Uint8Array>, { idleMs, abort, onDone, clientSignal }: WatchOptions): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let bytes = 0;
  let finished = false;
  const finish = (outcome: BodyOutcome): void => {
    if (finished) return;
    finished = true;
    clientSignal?.removeEventListener('abort', onClientGone);
    onDone(outcome, bytes);
  };
  function onClientGone(): void {
    finish('client-aborted');
    abort('client-aborted');
    reader.cancel().catch(() => {});
  }
  if (clientSignal?.aborted) queueMicrotask(onClientGone);
  else clientSignal?.addEventListener('abort', onClientGone, { once: true });
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const timer = setTimeout(() => {
          finish('idle-timeout');
          controller.error(new Error(`upstream sent nothing for ${idleMs} ms`));
          abort('idle-timeout');
          reader.cancel().catch(() => {});
        }, idleMs);
        try {
          const { value, done } = await reader.read();
          if (finished) return;
          if (done) {
            finish('complete');
            controller.close();
          } else {
            bytes += value.byteLength;
            controller.enqueue(value);
          }
        } catch (error) {
          if (finished) return;
          finish('upstream-error');
          controller.error(error);
        } finally {
          clearTimeout(timer);
        }
      },
      cancel(reason) {
        finish('client-aborted');
        abort('client-aborted');
        reader.cancel(reason).catch(() => {});
      },
    },
    // No read-ahead: a chunk is pulled from upstream only when the client takes one.
    { highWaterMark: 0 },
  );
}
