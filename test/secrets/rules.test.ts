// Behaviour of the secret rules through the real engine, on small trees written to temp folders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { GITHUB_PAT } from './samples.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function run(files: Record<string, string>, rules: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-secrets-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const result = await scan({ paths: [dir], onlyRules: rules });
  expect(result.errors).toEqual([]);
  return result.findings;
}

describe('secret-plaintext', () => {
  it('judges decoded data, one finding per key at the key, JSON as well as YAML', async () => {
    const findings = await run(
      {
        'a.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: { name: a, namespace: x }\ndata:\n  token: WnE4LW1XMnBMOXhWNA==\n  blank: Y2hhbmdlbWU=\n',
        'b.json': '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"b","namespace":"x"},\n "stringData":{"password":"Zq8-mW2pL9xV4"}}\n',
      },
      ['secret-plaintext'],
    );
    expect(findings.map((f) => [f.file, f.line, f.column, f.path])).toEqual([
      ['a.yaml', 5, 3, 'data.token'],
      ['b.json', 2, 16, 'stringData.password'],
    ]);
    expect(findings[0].message).toContain('base64 is an encoding, not encryption');
    expect(findings[0].resource).toEqual({ apiVersion: 'v1', kind: 'Secret', namespace: 'x', name: 'a' });
  });

  it('checks the items of a List and reports documentation examples at info', async () => {
    const findings = await run(
      {
        'list.yaml':
          'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata: { name: aws, namespace: x }\n    stringData:\n      key-id: AKIAIOSFODNN7EXAMPLE\n',
      },
      ['secret-plaintext'],
    );
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[8, 'info']]);
  });

  it('reports a config file held in a Secret only when the file holds a credential', async () => {
    const secret = (name: string, file: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata: { name: ${name}, namespace: x }\nstringData:\n  grafana.ini: |\n${file.split('\n').map((l) => `    ${l}`).join('\n')}\n`;
    const findings = await run(
      {
        'plain.yaml': secret('plain', '[server]\nhttp_port = 3000\n[auth]\ndisable_login_form = false'),
        'creds.yaml': secret('creds', '[server]\nhttp_port = 3000\n[security]\nadmin_password = Zq8-mW2pL9xV4'),
        'templated.yaml': secret('templated', '[security]\nadmin_password = ${GF_ADMIN_PASSWORD}'),
      },
      ['secret-plaintext'],
    );
    expect(findings.map((f) => f.file)).toEqual(['creds.yaml']);
  });

  it('leaves SOPS-encrypted documents alone', async () => {
    const findings = await run(
      {
        's.yaml':
          'apiVersion: v1\nkind: Secret\nmetadata: { name: a, namespace: x }\nstringData:\n  token: Zq8-mW2pL9xV4\nsops:\n  mac: ENC[AES256_GCM,data:x,type:str]\n  version: 3.8.1\n',
      },
      ['secret-plaintext'],
    );
    expect(findings).toEqual([]);
  });
});

describe('one secret, one finding', () => {
  it('a token in a secret-named env var is reported by secret-literal-env only', async () => {
    const findings = await run({ '.env': `GITHUB_TOKEN=${GITHUB_PAT}\nNOTES=see ${GITHUB_PAT}\n` }, ['secret-literal-env', 'secret-pattern']);
    expect(findings.map((f) => [f.line, f.ruleId])).toEqual([
      [1, 'secret-literal-env'],
      [2, 'secret-pattern'],
    ]);
  });

  it('the same leaked value fingerprints the same in two files', async () => {
    const findings = await run({ 'a.txt': `token ${GITHUB_PAT}\n`, 'sub/b.md': `\n\nuse ${GITHUB_PAT}\n` }, ['secret-pattern']);
    expect(findings).toHaveLength(2);
    expect(findings[0].fingerprint).toBe(findings[1].fingerprint);
  });
});

describe('secret-ref-missing', () => {
  const workload = (ns: string, env: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata: { name: p, namespace: ${ns} }\nspec:\n  containers:\n    - name: app\n      image: app:1\n      env:\n${env}`;

  it('absent object: warning; present object without the key: error', async () => {
    const findings = await run(
      {
        'secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: { name: db, namespace: shop }\nstringData: { password: <x> }\n',
        'pod.yaml': workload(
          'shop',
          '        - name: A\n          valueFrom: { secretKeyRef: { name: db, key: passwd } }\n' +
            '        - name: B\n          valueFrom: { secretKeyRef: { name: cache, key: password } }\n' +
            '        - name: C\n          valueFrom: { secretKeyRef: { name: gone, key: x, optional: true } }\n',
        ),
      },
      ['secret-ref-missing'],
    );
    expect(findings.map((f) => [f.line, f.severity])).toEqual([
      [10, 'error'],
      [12, 'warning'],
    ]);
    expect(findings[0].message).toContain('did you mean "password"?');
  });

  it('stays quiet for a namespace whose Secrets are not part of the scan', async () => {
    const findings = await run(
      {
        'secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: { name: db, namespace: other }\nstringData: { password: <x> }\n',
        'pod.yaml': workload('shop', '        - name: A\n          valueFrom: { secretKeyRef: { name: db, key: password } }\n'),
      },
      ['secret-ref-missing'],
    );
    expect(findings).toEqual([]);
  });

  it('accepts the Secret an ExternalSecret produces under its target name', async () => {
    const findings = await run(
      {
        'es.yaml':
          'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata: { name: es, namespace: shop }\nspec:\n  target: { name: db }\n  data:\n    - secretKey: password\n      remoteRef: { key: db }\n',
        'pod.yaml': workload(
          'shop',
          '        - name: A\n          valueFrom: { secretKeyRef: { name: db, key: password } }\n        - name: B\n          valueFrom: { secretKeyRef: { name: db, key: user } }\n',
        ),
      },
      ['secret-ref-missing'],
    );
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[12, 'error']]);
  });
});
