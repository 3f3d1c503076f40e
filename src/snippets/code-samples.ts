// An author's own code sample (`x-codeSamples`): its language for highlighting and tabs, and
// whether we can run it against the sandbox. We can when we have its runtime in the test
// suite (the same three our generated snippets run in) and it calls one of the operation's
// servers by its full URL, which is then swapped for the sandbox's. Anything else is shown
// as written and marked as not checked by us.
import type { ApiModel, CodeSample, Operation } from '../openapi/index.ts';
import { languageOf, type Language } from './languages.ts';

/** The languages the test suite runs (bash + curl, Node, Python 3). */
export const CHECKED_LANGUAGES: readonly string[] = ['shell', 'javascript', 'python'];

/** The sample's language: ours when we know it (`curl` → cURL, shellscript grammar), else as written, unhighlighted. */
export function sampleLanguage(sample: CodeSample): Language {
  const known = languageOf(sample.lang.trim()) ?? languageOf(sample.lang.trim().replace(/[^a-z]/gi, ''));
  return known ?? { id: sample.lang.trim().toLowerCase(), label: sample.lang.trim(), grammar: 'text', extension: 'txt' };
}

export interface CheckableSample {
  language: Language;
  /** The server URL the sample calls, to be replaced by the sandbox's. */
  server: string;
}

/** How the suite runs this sample against the sandbox, or undefined when it cannot. */
export function checkableSample(api: ApiModel, op: Operation, sample: CodeSample): CheckableSample | undefined {
  const language = sampleLanguage(sample);
  if (!CHECKED_LANGUAGES.includes(language.id)) return undefined;
  const servers = [...op.servers, ...api.servers].map((s) => s.url.replace(/\/+$/, '')).filter((url) => /^https?:\/\//.test(url));
  const server = servers.sort((a, b) => b.length - a.length).find((url) => sample.source.includes(url));
  return server === undefined ? undefined : { language, server };
}

/** The sample's source calling `base` instead of the server it names. */
export function pointSampleAt(sample: CodeSample, checkable: CheckableSample, base: string): string {
  return sample.source.split(checkable.server).join(base.replace(/\/+$/, ''));
}
