// The server's bin in processes of their own, for the tests that kill or race them.
import { spawn, type ChildProcess } from 'node:child_process';
import { AUTH } from './helpers.js';

const BIN = new URL('../bin/lanewise-server.mjs', import.meta.url).pathname;

/** Starts the bin and resolves with its URL once it listens. */
export function startBin(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN], {
      env: { ...process.env, ...env, PORT: '0', LANEWISE_SECRET: AUTH.secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
}

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : child.once('exit', () => resolve()),
  );
