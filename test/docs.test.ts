import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsFiles, withReadmeFamilies } from '../scripts/docs-content.js';
import { allRules } from '../src/engine/select.js';

const dir = path.resolve(import.meta.dirname, '../docs/rules');

describe('docs/rules', () => {
  it('is up to date with rule metadata (run `npm run docs`)', () => {
    const expected = docsFiles();
    const onDisk = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : [];
    expect(onDisk).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) expect(fs.readFileSync(path.join(dir, name), 'utf8'), name).toBe(text);
  });

  it('the README rule-family table is up to date (run `npm run docs`)', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');
    expect(readme).toBe(withReadmeFamilies(readme));
  });

  it('every rule explains its symptom, why and fix', () => {
    for (const rule of allRules()) {
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(rule.symptom.length, rule.id).toBeGreaterThan(15);
      expect(rule.why.length, rule.id).toBeGreaterThan(40);
      expect(rule.fix.length, rule.id).toBeGreaterThan(20);
    }
  });

  it('rule ids are unique', () => {
    const ids = allRules().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
