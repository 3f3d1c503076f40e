// Where the reader's API key lives: sessionStorage by default (gone with the tab),
// localStorage only after an explicit "remember on this device". One key per API,
// shared by all its pages. Never in a URL, never logged. A `slot` keeps more than one secret per
// API apart: the key of a named environment, an OAuth scheme's token.

export interface KeyStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface KeyStore {
  read(): { key: string; remembered: boolean };
  /** `remember` moves the key to the device store; without it the key leaves the device store. */
  write(key: string, remember: boolean): void;
  forget(): void;
}

export function createKeyStore(api: string, session: KeyStorage | undefined, local: KeyStorage | undefined, slot?: string): KeyStore {
  const name = slot ? `tryit:key:${api}:${slot}` : `tryit:key:${api}`;
  const safe = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch {
      // Storage can throw (private mode, quota, disabled cookies): the key then lives in memory only.
      return fallback;
    }
  };
  return {
    read() {
      const remembered = safe(() => local?.getItem(name) ?? null, null);
      if (remembered) return { key: remembered, remembered: true };
      return { key: safe(() => session?.getItem(name) ?? '', '') ?? '', remembered: false };
    },
    write(key, remember) {
      safe(() => {
        if (key === '') {
          session?.removeItem(name);
          local?.removeItem(name);
          return;
        }
        session?.setItem(name, key);
        if (remember) local?.setItem(name, key);
        else local?.removeItem(name);
      }, undefined);
    },
    forget() {
      safe(() => {
        session?.removeItem(name);
        local?.removeItem(name);
      }, undefined);
    },
  };
}

/** `sk-mel-abcdef123456` → `sk-m••••••••3456`: enough to tell keys apart, not enough to use one. */
export function maskKey(key: string): string {
  if (key === '') return '';
  if (/^<[^<>]+>$/.test(key)) return key;
  if (key.length <= 8) return '•'.repeat(key.length);
  return `${key.slice(0, 4)}${'•'.repeat(Math.min(12, key.length - 8))}${key.slice(-4)}`;
}
