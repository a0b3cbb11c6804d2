// A lock file on the PGlite data directory. PGlite has none of its own, and two processes on
// one directory corrupt it: the second server must stop with a clear message instead.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The data directory is held by another live process. */
export class DataDirLockedError extends Error {
  readonly pid: number;
  constructor(directory: string, pid: number) {
    super(
      `The data directory ${directory} is in use by another Lanewise server (process ${pid}). ` +
        'Stop that server first, or set LANEWISE_DATA_DIR to another directory.',
    );
    this.name = 'DataDirLockedError';
    this.pid = pid;
  }
}

function alive(pid: number): boolean {
  // A killed process that nobody has reaped yet is a zombie: it holds nothing.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return false;
  } catch {
    // No /proc (not Linux), or no such process: ask the kernel below.
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<directory>/lanewise.lock`, holding this process's id; a lock left by a process that
 * no longer runs (killed) is taken over. Returns the function that releases it.
 */
export function lockDataDir(directory: string): () => void {
  mkdirSync(directory, { recursive: true });
  const file = join(directory, 'lanewise.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DataDirLockedError(directory, pid);
      }
      if (pid === process.pid) throw new DataDirLockedError(directory, pid);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${directory}`);
}
