import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { checkResponse, pickResponse, type Validate } from './check-response.ts';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const completion = ajv.compile({ type: 'object', required: ['id', 'usage'], properties: { id: { type: 'string' }, usage: { type: 'object', required: ['total_tokens'] } } }) as unknown as Validate;
const chunk = ajv.compile({ type: 'object', required: ['choices'] }) as unknown as Validate;
const module = { '200 application/json': completion, '200 text/event-stream': chunk, '4XX application/json': chunk };

describe('checkResponse', () => {
  it('names what the answer lacks against the documented schema', () => {
    expect(checkResponse(module, 200, 'application/json; charset=utf-8', [{ id: 'x', usage: {} }])).toEqual({
      against: '200 application/json', problems: [{ pointer: '/usage/total_tokens', path: 'usage.total_tokens', message: 'field `usage.total_tokens` missing' }],
    });
    expect(checkResponse(module, 200, 'application/json', [{ id: 'x', usage: { total_tokens: 1 } }]).problems).toEqual([]);
  });

  it('checks stream events once per difference and falls back to 4XX and undocumented', () => {
    const events = checkResponse(module, 200, 'text/event-stream', [{ choices: [] }, {}, {}]);
    expect(events.problems.map((p) => p.message)).toEqual(['event 2: field `choices` missing']);
    expect(checkResponse(module, 404, 'application/json', [{}]).against).toBe('4XX application/json');
    expect(checkResponse(module, 500, 'application/json', [{}])).toEqual({ problems: [] });
  });

  it('prefers the exact status, then its range, then default, for the same media type', () => {
    const documented = ['200 application/json', '4XX application/json', 'default application/json', 'default text/plain'];
    expect(pickResponse(documented, 200, 'application/json')).toBe('200 application/json');
    expect(pickResponse(documented, 201, 'Application/JSON; charset=utf-8')).toBe('default application/json');
    expect(pickResponse(documented, 429, 'application/json')).toBe('4XX application/json');
    expect(pickResponse(documented, 200, 'text/event-stream')).toBeUndefined();
  });
});
