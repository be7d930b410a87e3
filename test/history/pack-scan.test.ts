// The pack reader is a fast path in front of isomorphic-git: it must return exactly what
// isomorphic-git returns, for every object, with ofs- and ref-deltas and 64-bit offsets.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanGitHistory } from '../../src/history/index.js';
import { author, buildRepo, compareAll, deltaCount, gitBinary } from './pack-helpers.js';

describe('PackReader', () => {
  it('gives scanGitHistory the same result as isomorphic-git alone', async () => {
    const r = buildRepo(10);
    r.pack({ depth: 50 });
    const fast = await scanGitHistory({ root: r.dir });
    const slow = await scanGitHistory({ root: r.dir, packReader: false });
    expect(fast.findings.length).toBe(1);
    expect(fast).toEqual(slow);
  });
});
