import { useEffect, useState } from 'react';
import type { ValidatorGroupModule, ValidatorModule } from '../../tryit/index.ts';

const cache = new Map<string, Promise<ValidatorGroupModule>>();

/** The operation's prebuilt validators, from its group's module, fetched once the island is idle (never blocks hydration). */
export function useValidators(url: string, operation: string): ValidatorModule | undefined {
  const [module, setModule] = useState<ValidatorModule>();
  useEffect(() => {
    let live = true;
    const load = () => {
      if (!cache.has(url)) cache.set(url, import(/* @vite-ignore */ url) as Promise<ValidatorGroupModule>);
      cache.get(url)!.then((m) => live && setModule(m.operations[operation]), () => cache.delete(url));
    };
    const idle = (globalThis as { requestIdleCallback?: (fn: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle(load, { timeout: 1500 });
    else setTimeout(load, 200);
    return () => {
      live = false;
    };
  }, [url, operation]);
  return module;
}
