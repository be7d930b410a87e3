// examples/secrets-demo shows one finding per secret rule it is written for, and nothing else of this family.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');
const RULES = ['secret-plaintext', 'secret-literal-env', 'secret-pattern', 'sops-unencrypted', 'secret-ref-missing'];

describe('examples/secrets-demo', () => {
  it('shows a plaintext Secret and a committed .env token, redacted', async () => {
    const result = await scan({ paths: [EXAMPLES], history: false, onlyRules: RULES });
    expect(result.errors).toEqual([]);
    const mine = result.findings.filter((f) => f.file.startsWith('secrets-demo/'));
    expect(mine.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([
      'secrets-demo/.env:3 secret-literal-env',
      'secrets-demo/k8s/payments-secret.yaml:10 secret-plaintext',
      'secrets-demo/k8s/payments-secret.yaml:12 secret-plaintext',
    ]);
    const text = JSON.stringify(mine);
    for (const secret of ['demo-Vq8pL2xW9mK4-not-real', 'demo-7Hq2xK9mPw4Lr8Zt-not-real', 'demo-key-3f9Qz7Lm8-not-real']) {
      expect(text).not.toContain(secret);
    }
  });
});
