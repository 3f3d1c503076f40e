import { spawn } from 'node:child_process';

export interface ProcessResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a snippet's interpreter asynchronously (the sandbox or echo server it calls lives in
 * this process and must keep answering) and kills it after `timeoutMs`.
 */
export function runProcess(program: string, args: string[], cwd: string, timeoutMs = 30_000): Promise<ProcessResult> {
  return new Promise((done) => {
    const child = spawn(program, args, { cwd, env: { ...process.env, NO_COLOR: '1', PYTHONIOENCODING: 'utf-8' } });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}
