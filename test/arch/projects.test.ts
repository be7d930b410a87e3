// The "done when" projects: a Go service built for linux/arm64 only by its workflow, with a
// $BUILDPLATFORM stage that never cross-compiles, deployed with an amd64 nodeSelector — and its fix.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { expectationsOf, listFiles } from '../helpers/expectations.js';

const PROJECTS = path.resolve(import.meta.dirname, '../../fixtures/projects');

function expected(dir: string): string[] {
  const out: string[] = [];
  for (const file of listFiles(dir)) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    for (const e of expectationsOf(fs.readFileSync(file, 'utf8'))) out.push(`${rel}:${e.line} ${e.rule}`);
  }
  return out.sort();
}

describe('architecture projects', () => {
  it('arch-mismatch: arch-target-mismatch at the platforms: line, arch-cross-build at the RUN line', async () => {
    const dir = path.join(PROJECTS, 'arch-mismatch');
    const result = await scan({ paths: [dir] });
    expect(result.errors).toEqual([]);
    const keys = result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort();
    expect(keys).toEqual(expected(dir));
    expect(keys).toEqual(['.github/workflows/build.yml:24 arch-target-mismatch', 'services/orders/Dockerfile:9 arch-cross-build']);

    const mismatch = result.findings.find((f) => f.ruleId === 'arch-target-mismatch')!;
    const line = fs.readFileSync(path.join(dir, '.github/workflows/build.yml'), 'utf8').split('\n')[mismatch.line - 1];
    expect(line.slice(mismatch.column - 1)).toMatch(/^linux\/arm64/);
    // Says which side is which, and where each was read.
    expect(mismatch.message).toContain('.github/workflows/build.yml:24');
    expect(mismatch.message).toContain('linux/arm64 only');
    expect(mismatch.message).toMatch(/Deployment shop\/orders .* requires amd64 through nodeSelector kubernetes\.io\/arch: amd64 at k8s\/deployment\.yaml:23/);
    expect(mismatch.fix).toBe('platforms: linux/arm64,linux/amd64');

    const cross = result.findings.find((f) => f.ruleId === 'arch-cross-build')!;
    expect(cross.column).toBe(1);
    expect(cross.message).toContain('GOOS=$TARGETOS GOARCH=$TARGETARCH go build');
  });

  it('arch-fixed: the corrected project reports neither', async () => {
    const dir = path.join(PROJECTS, 'arch-fixed');
    const result = await scan({ paths: [dir] });
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
    expect(expected(dir)).toEqual([]);
  });
});
