// The pack reader is a fast path in front of isomorphic-git: it must return exactly what
// isomorphic-git returns, for every object, with ofs- and ref-deltas and 64-bit offsets.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanGitHistory } from '../../src/history/index.js';
import { author, buildRepo, compareAll, deltaCount, gitBinary } from './pack-helpers.js';

describe('PackReader', () => {
  it('handles ref-deltas and 64-bit offset entries', async () => {
    const r = buildRepo(8);
    r.pack({ depth: 50, refDeltas: true });
    const pack = fs.readdirSync(path.join(r.dir, '.git/objects/pack')).find((f) => f.endsWith('.pack'))!;
    const packPath = path.join('.git/objects/pack', pack);
    // Rewrite the index so every object past offset 64 goes through the 64-bit offset table.
    fs.rmSync(path.join(r.dir, packPath.replace(/\.pack$/, '.idx')));
    r.git('index-pack', '--index-version=2,64', packPath);
    expect(deltaCount(r)).toBeGreaterThan(3);
    const { fromPack, total } = await compareAll(r, gitBinary);
    expect(fromPack).toBe(total);
  });
});
