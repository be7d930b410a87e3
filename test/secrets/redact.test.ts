import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, secretFingerprintKey, secretHash } from '../../src/secrets/redact.js';
import { scan } from '../../src/engine/scan.js';
import { POSITIVE } from './samples.js';

describe('redact', () => {
  it('shows at most a short prefix and a fixed mask', () => {
    expect(redact('ghp_PTkYc1RcBdELA6yHlGirnbnG8DidFQ7fgpA6')).toBe('ghp_****');
    expect(redact('hunter2')).toBe('h****');
    expect(redact('abc')).toBe('****');
  });

  it('never returns the secret, and never more than 4 of its characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (s) => {
        const r = redact(s);
        const prefix = r.slice(0, -4);
        expect(r.endsWith('****')).toBe(true);
        expect(prefix.length).toBeLessThanOrEqual(4);
        if (s.trim().length >= 2) expect(r).not.toBe(s);
      }),
    );
  });

  it('fingerprint keys carry a hash, not the secret', () => {
    const key = secretFingerprintKey('secret-pattern', 'Zq8-mW2pL9xV4');
    expect(key).toBe(`secret-pattern:${secretHash('Zq8-mW2pL9xV4')}`);
    expect(key).not.toContain('Zq8-mW2pL9xV4');
  });
});

describe('secret findings never carry a secret in full', () => {
  it('scanning every sample credential yields redacted messages and hashed fingerprints only', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-redact-'));
    const secrets: string[] = [];
    try {
      Object.entries(POSITIVE).forEach(([id, list]) =>
        list.forEach((sample, i) => {
          fs.writeFileSync(path.join(dir, `${id}-${i}.txt`), sample.text);
          secrets.push(sample.secret);
        }),
      );
      fs.writeFileSync(path.join(dir, 'secret.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata: { name: s, namespace: x }\nstringData:\n  password: Pl4nted-Secret-Value-91\n');
      fs.writeFileSync(path.join(dir, 'app.env'), 'API_TOKEN=Pl4nted-Env-Token-Value-77\n');
      secrets.push('Pl4nted-Secret-Value-91', 'Pl4nted-Env-Token-Value-77');
      const result = await scan({ paths: [dir], onlyRules: ['secret-pattern', 'secret-plaintext', 'secret-literal-env'] });
      expect(result.findings.length).toBeGreaterThanOrEqual(secrets.length - 2);
      const serialised = JSON.stringify(result.findings);
      for (const secret of secrets) {
        // A multi-line secret could only leak line by line; check its longest line too.
        const longest = secret.split(/\\n|\n/).sort((a, b) => b.length - a.length)[0];
        expect(serialised.includes(secret), secret.slice(0, 8)).toBe(false);
        if (longest.length >= 12) expect(serialised.includes(longest), longest.slice(0, 8)).toBe(false);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
