// The fixture harness: every rule's fixtures, scanned with the whole rule set, must produce exactly
// the (file, line, rule) triples their `# expect:` annotations name — nothing missing, nothing extra.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/engine/scan.js';
import { allRules } from '../src/engine/select.js';
import { expectationsOf, listFiles, sidecarExpectations } from './helpers/expectations.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/rules');
const filter = process.env.KUBELINT_FIXTURES;
const ruleDirs = fs
  .readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && (!filter || d.name.includes(filter)))
  .map((d) => d.name)
  .sort();

function expectedOf(dir: string): string[] {
  const keys: string[] = [];
  for (const file of listFiles(dir)) {
    if (file.endsWith('.expect')) continue;
    const rel = path.relative(dir, file).split(path.sep).join('/');
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const e of [...expectationsOf(text), ...sidecarExpectations(file)]) keys.push(`${rel}:${e.line} ${e.rule}`);
  }
  return keys.sort();
}

describe('rule fixtures', () => {
  it.each(ruleDirs)('%s: findings equal the expect annotations', async (name) => {
    const dir = path.join(FIXTURES, name);
    const result = await scan({ paths: [dir], history: false });
    const actual = result.findings.filter((f) => !f.commit).map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort();
    expect(result.errors).toEqual([]);
    expect(actual).toEqual(expectedOf(dir));
  });

  it('every rule has a fixture folder with a firing and a non-firing file', () => {
    const problems: string[] = [];
    for (const rule of allRules()) {
      // Findings from past commits need a git repository: test/history builds those, so the
      // folder only has to hold content the rule must stay silent on in the work tree.
      const historyOnly = rule.id === 'git-history-secret';
      const dir = path.join(FIXTURES, rule.id);
      if (!fs.existsSync(dir)) {
        problems.push(`${rule.id}: no fixtures/rules/${rule.id}/`);
        continue;
      }
      let fires = false;
      let silent = false;
      for (const file of listFiles(dir)) {
        if (file.endsWith('.expect')) continue;
        const text = fs.readFileSync(file, 'latin1');
        const hits = [...expectationsOf(text), ...sidecarExpectations(file)].filter((e) => e.rule === rule.id);
        if (hits.length) fires = true;
        else silent = true;
      }
      if (!fires && !historyOnly) problems.push(`${rule.id}: no fixture annotated "# expect: ${rule.id}"`);
      if (!silent) problems.push(`${rule.id}: no fixture on which the rule stays silent`);
    }
    expect(problems).toEqual([]);
  });
});
