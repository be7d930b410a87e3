import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDsns } from '../../src/dsn/parse.js';

const dsnish = fc.stringMatching(/^[a-z+]{0,12}:\/\/[\w@:/?#&=%.,\[\]${}() -]{0,80}$/);

describe('findDsns on arbitrary input', () => {
  it('never throws and keeps every offset inside the value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), dsnish), (value) => {
        for (const d of findDsns(value)) {
          const parts = [d.user, d.password, d.userinfo, d.database, ...d.hosts.flatMap((h) => [h.host, h.port]), ...d.params.flatMap((p) => [p.keyPart, p.value])];
          for (const p of parts) {
            if (!p) continue;
            expect(p.start).toBeGreaterThanOrEqual(0);
            expect(p.end).toBeLessThanOrEqual(value.length);
            expect(value.slice(p.start, p.end)).toBe(p.text);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips a well-formed URL', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
    fc.assert(
      fc.property(word, word, word, fc.integer({ min: 1, max: 65535 }), word, (user, password, host, port, db) => {
        const [d] = findDsns(`postgresql+asyncpg://${user}:${password}@${host}:${port}/${db}?timeout=10`);
        expect([d.user?.text, d.password?.text, d.hosts[0].host.text, d.hosts[0].port?.text, d.database?.text]).toEqual([user, password, host, String(port), db]);
      }),
    );
  });

  it('stays fast on values full of @', () => {
    const value = `postgresql://${'@'.repeat(20000)}host/db`;
    expect(findDsns(value)).toHaveLength(1);
  });
});
