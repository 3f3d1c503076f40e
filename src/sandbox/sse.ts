// Server-Sent Events from a spec: the documented example stream cut into its events, sent
// one by one with a small delay, ending as the example ends (`data: [DONE]`, `message_stop`).

/** Splits an example stream (`data: …\n\ndata: …`) into events, each ending with a blank line. */
export function toSseEvents(example: unknown, generated: () => unknown): string[] {
  if (typeof example === 'string') {
    return example
      .replace(/\r\n?/g, '\n')
      .split(/\n{2,}/)
      .map((event) => event.trim())
      .filter((event) => event.length > 0)
      .map((event) => `${event}\n\n`);
  }
  if (Array.isArray(example)) return example.map((item) => `data: ${JSON.stringify(item)}\n\n`);
  const value = example === undefined ? generated() : example;
  return [`data: ${JSON.stringify(value)}\n\n`];
}

/** The events as a byte stream: the first at once, the next after `delayMs` each; stops when cancelled. */
export function streamEvents(events: readonly string[], delayMs: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (index > 0 && delayMs > 0) {
          await new Promise<void>((resolve) => {
            timer = setTimeout(resolve, delayMs);
          });
        }
        if (cancelled) return;
        if (index >= events.length) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(events[index++]));
        if (index >= events.length) controller.close();
      },
      cancel() {
        cancelled = true;
        clearTimeout(timer);
      },
    },
    { highWaterMark: 0 },
  );
}
