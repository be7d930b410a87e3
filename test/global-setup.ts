// Every temp folder the tests make (projects, git repos, CLI outputs) goes under one folder per
// run, removed at the end, so test runs never pile up in the system temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-vitest-'));
  const previous = process.env.TMPDIR;
  // Test workers and the CLIs they start inherit this environment; os.tmpdir() reads TMPDIR.
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
