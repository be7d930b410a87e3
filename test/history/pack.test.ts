// The pack reader is a fast path in front of isomorphic-git: it must return exactly what
// isomorphic-git returns, for every object, with ofs- and ref-deltas and 64-bit offsets.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanGitHistory } from '../../src/history/index.js';
import { author, buildRepo, compareAll, deltaCount, gitBinary } from './pack-helpers.js';

describe('PackReader', () => {
  it('reads every packed object exactly as isomorphic-git does (ofs-deltas), and leaves loose ones alone', async () => {
    const r = buildRepo(12);
    r.pack({ depth: 50, window: 50 });
    // A commit after the repack leaves loose objects next to the pack.
    r.write('after.txt', 'loose\n');
    r.commit('loose', author);
    expect(deltaCount(r)).toBeGreaterThan(5);
    const { fromPack, total } = await compareAll(r);
    expect(fromPack).toBeGreaterThan(30);
    expect(fromPack).toBeLessThan(total);
  });
});
