// Findings are the same, byte for byte, whether YAML files are prepared in one thread or in
// workers (parse, credential scan, built-in schema problems, CRD schemas read back lazily or read
// ahead by the workers kept after loading).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempProject } from '../helpers/cli.js';
import { listFiles } from '../helpers/expectations.js';

describe('parallel parsing', () => {
  it('gives identical reports with KUBELINT_WORKERS=1 and =2', () => {
    // Enough YAML (over the 4 MB threshold) for the workers to start: every fixture, many times.
    const sources = listFiles(path.join(REPO, 'fixtures/rules')).filter((f) => /\.ya?ml$/.test(f) && !f.includes('/templates/'));
    const files: Record<string, string> = {};
    let bytes = 0;
    for (let copy = 0; bytes < 5 * 1024 * 1024; copy++) {
      for (const f of sources) {
        const text = fs.readFileSync(f, 'utf8');
        files[`copy${copy}/${path.relative(path.join(REPO, 'fixtures/rules'), f)}`] = text;
        bytes += text.length;
      }
    }
    const dir = tempProject(files);
    const strip = (s: string) => s.replace(/"durationMs": \d+/, '');
    const one = runCli(['scan', dir, '--no-history', '--format', 'json', '--fail-on', 'none'], { env: { KUBELINT_WORKERS: '1' } });
    // KUBELINT_TIMING says when the workers finished: proof that they ran.
    const two = runCli(['scan', dir, '--no-history', '--format', 'json', '--fail-on', 'none'], { env: { KUBELINT_WORKERS: '2', KUBELINT_TIMING: '1' } });
    expect(two.stderr).toMatch(/workers done/);
    // Custom resources of the fixtures need CRD schemas: the kept workers read them ahead.
    expect(Number(/CRD schemas: (\d+) read ahead by parse workers/.exec(two.stderr)?.[1])).toBeGreaterThan(0);
    expect(one.stderr).not.toMatch(/workers done/);
    expect(one.status).toBe(0);
    expect(JSON.parse(one.stdout).findings.length).toBeGreaterThan(100);
    expect(strip(two.stdout)).toBe(strip(one.stdout));

    // A worker that dies hands back the files it held: same findings, and a note says so. (The
    // crash hook fires in workers only, at the first file of one copy of the fixtures it gets.)
    const crash = runCli(['scan', dir, '--no-history', '--format', 'json', '--fail-on', 'none'], {
      env: { KUBELINT_WORKERS: '2', KUBELINT_TEST_WORKER_CRASH: 'copy1/' },
    });
    const crashed = JSON.parse(crash.stdout);
    expect(crashed.notes.some((n: string) => /a parse worker stopped \(exited with code 70\); \d+ of its files were read in the main thread/.test(n))).toBe(true);
    expect(JSON.stringify(crashed.findings)).toBe(JSON.stringify(JSON.parse(one.stdout).findings));

    // A worker that dies while reading CRD schemas ahead: the main thread reads them on first use.
    const lateCrash = runCli(['scan', dir, '--no-history', '--format', 'json', '--fail-on', 'none'], {
      env: { KUBELINT_WORKERS: '2', KUBELINT_TEST_WORKER_CRASH: 'subtrees' },
    });
    expect(lateCrash.status).toBe(0);
    expect(strip(lateCrash.stdout)).toBe(strip(one.stdout));
  }, 180_000);
});
