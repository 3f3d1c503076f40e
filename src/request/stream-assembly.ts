// Turns the events of an AI streaming response into the message a person reads:
// OpenAI chat chunks (`choices[].delta.content`, ended by `[DONE]`) and Anthropic
// message events (`content_block_delta` … `message_stop`). Unknown streams keep
// their raw events only.
import type { SseEvent } from './sse.ts';

export type StreamFormat = 'openai' | 'anthropic' | 'unknown';

export interface StreamState {
  format: StreamFormat;
  /** The assembled message text (first choice). */
  text: string;
  /** Reasoning / thinking text, when the model streams it separately. */
  reasoning: string;
  events: number;
  /** Content deltas received: the token count when the API reports no usage. */
  deltas: number;
  /** Output tokens reported by the API (`usage.completion_tokens`, `usage.output_tokens`). */
  reportedTokens?: number;
  firstTokenAt?: number;
  lastTokenAt?: number;
  /** `[DONE]` or `message_stop` arrived: the stream ended on purpose. */
  done: boolean;
  finishReason?: string;
  /** An error event sent inside the stream. */
  error?: string;
}

export interface StreamAssembler {
  push(event: SseEvent): void;
  readonly state: StreamState;
}

export function createStreamAssembler(now: () => number): StreamAssembler {
  const state: StreamState = { format: 'unknown', text: '', reasoning: '', events: 0, deltas: 0, done: false };

  const addText = (text: unknown, reasoning = false) => {
    if (typeof text !== 'string' || text === '') return;
    if (reasoning) state.reasoning += text;
    else state.text += text;
    state.deltas++;
    const t = now();
    state.firstTokenAt ??= t;
    state.lastTokenAt = t;
  };

  const openai = (chunk: Record<string, any>) => {
    state.format = 'openai';
    const choice = Array.isArray(chunk.choices) ? chunk.choices.find((c: any) => (c?.index ?? 0) === 0) : undefined;
    if (choice) {
      const delta = choice.delta ?? {};
      addText(delta.reasoning_content ?? delta.reasoning, true);
      addText(delta.content);
      if (typeof choice.text === 'string') addText(choice.text);
      if (choice.finish_reason) state.finishReason = String(choice.finish_reason);
    }
    const usage = chunk.usage;
    if (usage && typeof usage.completion_tokens === 'number') state.reportedTokens = usage.completion_tokens;
  };

  const anthropic = (message: Record<string, any>) => {
    state.format = 'anthropic';
    switch (message.type) {
      case 'content_block_delta': {
        const delta = message.delta ?? {};
        if (delta.type === 'thinking_delta') addText(delta.thinking, true);
        else addText(delta.text);
        break;
      }
      case 'message_delta':
        if (message.delta?.stop_reason) state.finishReason = String(message.delta.stop_reason);
        if (typeof message.usage?.output_tokens === 'number') state.reportedTokens = message.usage.output_tokens;
        break;
      case 'message_stop':
        state.done = true;
        break;
      case 'error':
        state.error = String(message.error?.message ?? message.error?.type ?? 'error');
        break;
    }
  };

  return {
    state,
    push(event) {
      state.events++;
      const data = event.data.trim();
      if (data === '[DONE]') {
        state.done = true;
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(data);
      } catch {
        return;
      }
      if (!parsed || typeof parsed !== 'object') return;
      const value = parsed as Record<string, any>;
      if (Array.isArray(value.choices)) openai(value);
      else if (typeof value.type === 'string') anthropic(value);
      else if (value.error) state.error = String(value.error.message ?? value.error);
    },
  };
}

/** Tokens per second between the first and the last token; undefined before two tokens. */
export function tokensPerSecond(state: StreamState): number | undefined {
  const tokens = state.reportedTokens ?? state.deltas;
  if (state.firstTokenAt === undefined || state.lastTokenAt === undefined || tokens < 2) return undefined;
  const seconds = (state.lastTokenAt - state.firstTokenAt) / 1000;
  return seconds > 0 ? (tokens - 1) / seconds : undefined;
}
