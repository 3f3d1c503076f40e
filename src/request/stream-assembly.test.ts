import { describe, expect, it } from 'vitest';
import { createSseParser } from './sse.ts';
import { createStreamAssembler, tokensPerSecond } from './stream-assembly.ts';

function assemble(text: string, step = 100) {
  let t = 1000;
  const assembler = createStreamAssembler(() => (t += step));
  const parser = createSseParser((e) => assembler.push(e));
  parser.feed(text);
  return { state: assembler.state, clean: parser.end() };
}

const openai = [
  'data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}',
  'data: {"choices":[{"index":0,"delta":{"content":"Quiet rain"},"finish_reason":null}]}',
  'data: {"choices":[{"index":0,"delta":{"content":" on glass."},"finish_reason":null}]}',
  'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"completion_tokens":5}}',
  'data: [DONE]',
].join('\n\n') + '\n\n';

describe('createStreamAssembler', () => {
  it('assembles OpenAI chunks and stops at [DONE]', () => {
    const { state } = assemble(openai);
    expect(state).toMatchObject({ format: 'openai', text: 'Quiet rain on glass.', deltas: 2, done: true, finishReason: 'stop', reportedTokens: 5 });
    expect(state.firstTokenAt).toBeLessThan(state.lastTokenAt!);
  });

  it('assembles Anthropic events, thinking apart from text', () => {
    const stream = [
      'event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":3}}}',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"hmm"}}',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Hamburg"}}',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":", Bremen."}}',
      'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":9}}',
      'event: message_stop\ndata: {"type":"message_stop"}',
    ].join('\n\n') + '\n\n';
    const { state } = assemble(stream);
    expect(state).toMatchObject({ format: 'anthropic', text: 'Hamburg, Bremen.', reasoning: 'hmm', done: true, finishReason: 'end_turn', reportedTokens: 9 });
  });

  it('leaves done false when the stream is cut', () => {
    const cut = openai.slice(0, openai.indexOf('data: {"choices":[{"index":0,"delta":{},'));
    const { state } = assemble(cut);
    expect(state.done).toBe(false);
    expect(state.text).toBe('Quiet rain on glass.');
  });

  it('computes tokens per second from the token timestamps', () => {
    const { state } = assemble(openai, 500);
    // Deltas at 1500 and 2000 ms, usage says 5 tokens: 4 intervals in 0.5 s.
    expect(tokensPerSecond(state)).toBeCloseTo(8);
  });
});
