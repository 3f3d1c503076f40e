// `npm test` runs this first, before the build: every system program the tests need is checked.
// As root (CI, a fresh container) what is missing is installed with apt-get; otherwise the run
// stops at once with one message naming each missing piece and the command that installs it.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { requirements, type Probe, type Requirement } from './tools.ts';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function present(probe: Probe, path: string): boolean {
  switch (probe.kind) {
    case 'file':
      return executable(probe.path);
    case 'command':
      return path.split(delimiter).some((dir) => dir !== '' && executable(join(dir, probe.name)));
    case 'python-module':
      return executable(probe.python) && spawnSync(probe.python, ['-c', `import ${probe.module}`], { stdio: 'ignore' }).status === 0;
  }
}

/** The requirements this machine does not meet, given the PATH the tests run with. */
export function findMissing(needed: Requirement[], path: string): Requirement[] {
  return needed.filter((r) => !present(r.probe, path));
}

/** The apt-get commands that install what is missing (`sudo` when not root). */
export function installCommands(missing: Requirement[], root: boolean): string[] {
  const sudo = root ? '' : 'sudo ';
  const packages = [...new Set(missing.flatMap((r) => r.apt))];
  return [`${sudo}apt-get update`, `${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages.join(' ')}`];
}

/** The one message a person gets when the tests cannot start. */
export function missingMessage(missing: Requirement[], root: boolean): string {
  return [
    'npm test cannot start: this machine lacks',
    ...missing.map((r) => `  - ${r.what} (for ${r.why})`),
    'Install with:',
    `  ${installCommands(missing, root).join(' && ')}`,
  ].join('\n');
}

/** Installs with apt-get (root only); waits for another apt run holding the lock, e.g. a first-boot install. */
function aptInstall(missing: Requirement[]): boolean {
  const packages = [...new Set(missing.flatMap((r) => r.apt))];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  console.log(`preflight: installing ${packages.join(', ')} with apt-get (${missing.map((r) => r.what).join('; ')} missing)`);
  const update = spawnSync('apt-get', [...lock, 'update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  return spawnSync('apt-get', [...lock, 'install', '-y', '-qq', ...packages], { stdio: 'inherit', env }).status === 0;
}

/** Exit code for `npm test`: 0 when every requirement is met (after installing, as root). */
export function preflight(path = process.env.PATH ?? '', root = process.getuid?.() === 0): number {
  const needed = requirements();
  let missing = findMissing(needed, path);
  if (missing.length === 0) return 0;
  if (root && findMissing([{ what: 'apt-get', why: '', probe: { kind: 'command', name: 'apt-get' }, apt: [] }], path).length === 0) {
    aptInstall(missing);
    missing = findMissing(needed, path);
    if (missing.length === 0) return 0;
  }
  console.error(missingMessage(missing, root));
  return 1;
}

if (import.meta.main) process.exit(preflight());
