import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sse.ts';

function parse(pieces: string[]): { events: SseEvent[]; clean: boolean } {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  for (const piece of pieces) parser.feed(piece);
  return { events, clean: parser.end() };
}

describe('createSseParser', () => {
  it('reads data lines and named events', () => {
    const { events, clean } = parse(['event: ping\ndata: {"a":1}\n\ndata: [DONE]\n\n']);
    expect(events).toEqual([{ event: 'ping', data: '{"a":1}' }, { event: 'message', data: '[DONE]' }]);
    expect(clean).toBe(true);
  });

  it('gives the same events whatever the piece boundaries, CRLF included', () => {
    const text = 'id: 7\r\ndata: one\r\ndata: two\r\n\r\n: comment\r\ndata:three\r\n\r\n';
    const whole = parse([text]).events;
    expect(whole).toEqual([{ event: 'message', data: 'one\ntwo', id: '7' }, { event: 'message', data: 'three', id: '7' }]);
    for (let size = 1; size < 6; size++) {
      const pieces = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
      expect(parse(pieces).events).toEqual(whole);
    }
  });

  it('reports a stream cut inside an event', () => {
    const { events, clean } = parse(['data: {"a":1}\n\ndata: {"b"']);
    expect(events).toHaveLength(1);
    expect(clean).toBe(false);
  });
});
