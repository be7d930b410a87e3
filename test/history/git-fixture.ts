// Build small git repositories in temp folders with the real git binary.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Author {
  name: string;
  email: string;
}

export class TempRepo {
  readonly dir: string;
  private tick = 0;
  constructor(prefix = 'kubelint-history-') {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.name', 'Test Runner');
    this.git('config', 'user.email', 'runner@example.test');
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: { ...process.env, ...this.env } });
  }

  /**
   * Pack every object into one pack and drop the loose copies, like `git repack -ad`. The object
   * list is handed to pack-objects here: under the test runner, `git repack` (which lets
   * pack-objects read revisions from its standard input) now and then read garbage there.
   */
  pack(opts: { depth?: number; window?: number; refDeltas?: boolean } = {}): void {
    const objects = this.git('rev-list', '--objects', '--all', '--reflog');
    const args = ['pack-objects', '-q', `--depth=${opts.depth ?? 50}`, `--window=${opts.window ?? 10}`];
    if (!opts.refDeltas) args.push('--delta-base-offset');
    const name = execFileSync('git', [...args, '.git/objects/pack/pack'], { cwd: this.dir, input: objects, encoding: 'utf8' }).trim();
    if (!/^[0-9a-f]{40}$/.test(name)) throw new Error(`pack-objects gave no pack name: ${name}`);
    this.git('prune-packed');
  }

  private env: Record<string, string> = {};

  write(file: string, text: string): void {
    const full = path.join(this.dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }

  remove(file: string): void {
    this.git('rm', '-q', file);
  }

  /** Commit everything staged (after `git add -A`) as `author` at a fixed, increasing date. Returns the sha. */
  commit(message: string, author: Author, date?: string): string {
    this.git('add', '-A');
    const when = date ?? `2024-01-${String(10 + this.tick++).padStart(2, '0')}T12:00:00Z`;
    this.env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: when,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      GIT_COMMITTER_DATE: when,
    };
    this.git('commit', '-q', '-m', message);
    this.env = {};
    return this.git('rev-parse', 'HEAD').trim();
  }

  cleanup(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
