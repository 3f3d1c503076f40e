// Incremental Server-Sent Events parser (WHATWG "event stream interpretation"):
// feed it text as it arrives, in pieces of any size; it calls back once per event.

export interface SseEvent {
  /** `message` unless the stream named it with `event:`. */
  event: string;
  data: string;
  id?: string;
}

export interface SseParser {
  /** Adds decoded text; complete events are emitted before it returns. */
  feed(text: string): void;
  /** The stream ended: true when nothing was left half-written (a cut stream returns false). */
  end(): boolean;
}

export function createSseParser(onEvent: (event: SseEvent) => void): SseParser {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  let pendingCr = false;

  const dispatch = () => {
    if (data.length > 0) onEvent({ event: event || 'message', data: data.join('\n'), ...(id !== undefined ? { id } : {}) });
    event = '';
    data = [];
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
  };

  return {
    feed(text) {
      let start = 0;
      // A CR at the end of the previous piece may be the first half of CRLF.
      if (pendingCr && text.startsWith('\n')) start = 1;
      pendingCr = false;
      buffer += text.slice(start);
      let from = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        line(buffer.slice(from, i));
        if (c === 13) {
          if (i + 1 === buffer.length) pendingCr = true;
          else if (buffer.charCodeAt(i + 1) === 10) i++;
        }
        from = i + 1;
      }
      buffer = buffer.slice(from);
    },
    end() {
      const clean = buffer === '' && data.length === 0;
      buffer = '';
      data = [];
      return clean;
    },
  };
}
