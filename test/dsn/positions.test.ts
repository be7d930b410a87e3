// Each DSN rule reports at the value itself — its line and column — in a Deployment env, a
// ConfigMap, a .env file and a compose file, and stays silent on the corrected copies (good/).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';

const RULES = ['dsn-asyncpg-param', 'dsn-password-unencoded', 'dsn-ssl-required', 'dsn-numeric-param', 'dsn-localhost', 'dsn-embedded-password'];
const PLACES = ['deployment.yaml', 'configmap.yaml', 'app.env', 'compose.yaml'];

/** Where the value of a `value: X`, `KEY: X`, `KEY=X` or `- KEY=X` line starts and ends (1-based columns). */
function valueColumns(line: string): { column: number; endColumn: number } {
  const m = /^(\s*(?:value: |- [A-Za-z_]+=|[A-Za-z_]+: |[A-Za-z_]+=))(.+?)(\s+#.*)?$/.exec(line);
  if (!m) throw new Error(`no value on line: ${line}`);
  return { column: m[1].length + 1, endColumn: m[1].length + m[2].length + 1 };
}

describe.each(RULES)('%s', (rule) => {
  const dir = path.resolve(import.meta.dirname, '../../fixtures/rules', rule);

  it('fires at the exact value position in all four places', async () => {
    const result = await scan({ paths: [dir], onlyRules: [rule] });
    const findings = result.findings.filter((f) => !f.file.startsWith('good/'));
    for (const place of PLACES) {
      const inFile = findings.filter((f) => f.file === place);
      expect(inFile.length, `${rule} in ${place}`).toBeGreaterThan(0);
      const lines = fs.readFileSync(path.join(dir, place), 'utf8').split('\n');
      for (const f of inFile) {
        const expected = valueColumns(lines[f.line - 1]);
        expect({ line: f.line, column: f.column, endColumn: f.endColumn }, `${place}:${f.line}`).toEqual({ line: f.line, column: expected.column, endColumn: expected.endColumn });
        expect(f.endLine).toBe(f.line);
      }
    }
  });

  it('stays silent on the corrected strings', async () => {
    const result = await scan({ paths: [path.join(dir, 'good')], onlyRules: [rule] });
    expect(result.findings.map((f) => `${f.file}:${f.line}`)).toEqual([]);
  });

  it('never prints a literal password in full', async () => {
    const result = await scan({ paths: [dir], onlyRules: [rule] });
    for (const secret of ['Xk82-pLm3vQ', 'T7c%40qP9wZ2', 'Vb6!rT2s9Lq', 'Gh5t-Rw9pQz', 'p@ss:w0rd#7Q', '100%sure-Zx9']) {
      for (const f of result.findings) expect(`${f.message} ${f.fix ?? ''}`).not.toContain(secret);
    }
  });
});
