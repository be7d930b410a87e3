// The "done when" project of issue 3: a realistic multi-namespace shop with one mistake of each kind.
// Every warning and error must be an annotated mistake, and every annotated mistake must be reported once.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { expectationsOf, listFiles } from '../helpers/expectations.js';

const PROJECT = path.resolve(import.meta.dirname, '../../fixtures/projects/multi-namespace');

/** Rules whose mistake the project must contain (other rule families add theirs as they add files). */
const COVERED = [
  'service-selector-no-match',
  'service-port-mismatch',
  'ingress-backend-missing',
  'service-dns-cross-namespace',
  'websocket-ingress-timeout',
  'exposed-to-world',
  'postgres-pgdata-missing',
  'kafka-cluster-id-unpinned',
  'database-without-persistence',
  'probe-timing',
  'liveness-equals-readiness',
  'memory-limit-missing',
  'requests-missing',
  'limit-below-request',
  'resource-quantity-suspicious',
  'replicas-rwo-volume',
  'runtime-package-install',
  'auth-disabled',
  'mock-mode',
  'debug-enabled',
];

function annotations(): string[] {
  const keys: string[] = [];
  for (const file of listFiles(PROJECT)) {
    const rel = path.relative(PROJECT, file).split(path.sep).join('/');
    for (const e of expectationsOf(fs.readFileSync(file, 'utf8'))) keys.push(`${rel}:${e.line} ${e.rule}`);
  }
  return keys.sort();
}

describe('multi-namespace project', () => {
  it('reports each mistake once, at its line, and nothing else at warning or error', async () => {
    const expected = annotations();
    const result = await scan({ paths: [PROJECT], history: false });
    expect(result.errors).toEqual([]);
    const actual = result.findings
      .filter((f) => !f.commit)
      .map((f) => ({ key: `${f.file}:${f.line} ${f.ruleId}`, severity: f.severity }))
      // Info findings (advice such as single-replica) are allowed unless the project annotates them.
      .filter((f) => f.severity !== 'info' || expected.includes(f.key))
      .map((f) => f.key)
      .sort();
    expect(actual).toEqual(expected);
  });

  it('holds a mistake for every covered rule', () => {
    const annotated = new Set(annotations().map((k) => k.split(' ')[1]));
    expect(COVERED.filter((id) => !annotated.has(id))).toEqual([]);
  });

  it('spans several namespaces, with Services that talk across them', async () => {
    const result = await scan({ paths: [PROJECT], history: false, onlyRules: ['service-dns-cross-namespace'] });
    const messages = result.findings.map((f) => f.message);
    expect(messages).toEqual([expect.stringContaining('use auth-service.identity.svc.cluster.local')]);
  });
});
