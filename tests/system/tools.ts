// The one place that decides which system programs the tests use, and how to get each on a
// fresh Debian machine. playwright.config.ts, the snippet-execution tests, the benches and the
// preflight of `npm test` read it; nothing else names these paths.

/** The Python every Python snippet runs under: Debian's, where `apt-get install python3-requests` lands. */
export const PYTHON = '/usr/bin/python3';

/** The browser of the e2e tests and the benches: Debian's Chromium, not a Playwright download. */
export const CHROMIUM = '/usr/bin/chromium';

/** Chromium as root in a container: no sandbox, no GPU, no background traffic. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type Probe =
  | { kind: 'file'; path: string }
  | { kind: 'command'; name: string }
  | { kind: 'python-module'; python: string; module: string };

export interface Requirement {
  /** What a person reads: `Python's requests module for /usr/bin/python3`. */
  what: string;
  /** Who needs it, so a reader knows why. */
  why: string;
  probe: Probe;
  /** The Debian packages that provide it. */
  apt: string[];
}

export function requirements(tools: { python: string; chromium: string } = { python: PYTHON, chromium: CHROMIUM }): Requirement[] {
  return [
    { what: `Chromium at ${tools.chromium}`, why: 'the browser tests (Playwright)', probe: { kind: 'file', path: tools.chromium }, apt: ['chromium'] },
    { what: `Python at ${tools.python}`, why: 'running the Python snippets', probe: { kind: 'file', path: tools.python }, apt: ['python3'] },
    { what: `Python's requests module for ${tools.python}`, why: 'running the Python snippets', probe: { kind: 'python-module', python: tools.python, module: 'requests' }, apt: ['python3-requests'] },
    { what: 'curl', why: 'running the shell snippets', probe: { kind: 'command', name: 'curl' }, apt: ['curl'] },
    { what: 'jq', why: 'running the shell snippets', probe: { kind: 'command', name: 'jq' }, apt: ['jq'] },
    { what: 'bash', why: 'running the shell snippets', probe: { kind: 'command', name: 'bash' }, apt: ['bash'] },
  ];
}
