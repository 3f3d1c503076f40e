import { fullFormats } from 'ajv-formats/dist/formats.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../openapi/index.ts';
import { loadApi } from '../openapi/load.node.ts';
import type { FormatDefinitions } from './interpret-schema.ts';
import { createResponseChecker, toResponseSchemas, type ResponseChecker, type ResponseSchemas } from './response-schemas.ts';

let api: ApiModel;
let schemas: ResponseSchemas;
let check: ResponseChecker;

beforeAll(async () => {
  api = await loadApi('openapi/melancholy.yaml');
  // Through JSON, as the browser gets it.
  schemas = JSON.parse(JSON.stringify(toResponseSchemas(api)));
  check = createResponseChecker(schemas, fullFormats as FormatDefinitions);
});

describe('toResponseSchemas', () => {
  it('keeps each operation\'s documented responses by status and media type, refs pointing into the named schemas', () => {
    expect(Object.keys(schemas.operations['create-chat-completion'])).toEqual(expect.arrayContaining(['200 application/json', '200 text/event-stream', '401 application/json']));
    expect(JSON.stringify(schemas.operations['create-chat-completion'])).toContain('"components#/components/schemas/');
    expect(Object.keys(schemas.components)).toEqual(Object.keys(api.schemas));
    expect(JSON.stringify(schemas)).not.toContain('"description"');
  });
});

describe('createResponseChecker', () => {
  it('checks an answer against the schema of its status and media type', () => {
    expect(check('create-chat-completion', 200, 'application/json', [{ id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [] }])).toEqual({ against: '200 application/json', problems: [] });
    const wrong = check('create-chat-completion', 200, 'application/json; charset=utf-8', [{ id: 'c', object: 'chat.completion', created: 'now', model: 'm', choices: [] }]);
    expect(wrong.against).toBe('200 application/json');
    expect(wrong.problems.map((p) => p.path)).toEqual(['created']);
  });

  it('checks formats, and says nothing about answers nobody documented', () => {
    expect(check('get-video-task', 200, 'application/json', [{ status: 'COMPLETED', video_url: 'https://x.test/v.mp4' }]).problems).toEqual([]);
    expect(check('get-video-task', 200, 'application/json', [{ status: 'COMPLETED', video_url: 'not a uri' }]).problems[0]).toMatchObject({ path: 'video_url' });
    expect(check('get-video-task', 200, 'text/html', [{}])).toEqual({ problems: [] });
    expect(check('no-such-operation', 200, 'application/json', [{}])).toEqual({ problems: [] });
  });
});
