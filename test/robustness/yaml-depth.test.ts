// Deep nesting is refused before the `yaml` parser overflows its stack (after which Node has been
// seen to abort on a later parse), and is reported as a yaml-syntax finding at the deep line.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadYaml } from '../../src/sources/yaml.js';
import { MAX_YAML_NESTING, yamlNestingDepth } from '../../src/sources/yaml-depth.js';
import { json, runCli, tempProject } from '../helpers/cli.js';

const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n  namespace: shop\ndata:\n  a: "1"\n';

describe('nesting estimate', () => {
  it('counts block levels, compact dashes and flow brackets', () => {
    expect(yamlNestingDepth(MANIFEST).depth).toBe(2);
    expect(yamlNestingDepth('a:\n  - - - x\n').depth).toBe(5);
    expect(yamlNestingDepth('a: [[{b: [1]}]]\n').depth).toBe(5);
    expect(yamlNestingDepth('a: [\n  [\n    [1]]]\n').depth).toBe(4);
  });

  it('ignores brackets in quotes and comments, and closes what it opened', () => {
    expect(yamlNestingDepth(`a: "[[[[[[" # [[[[[\nb: '{{{{'\nc: [1, 2]\n`).depth).toBe(2);
    expect(yamlNestingDepth('a: ' + '[1], '.repeat(5000) + '\n').depth).toBe(2);
  });

  it('says where the limit was passed', () => {
    const deep = 'a: 1\nb: ' + '['.repeat(MAX_YAML_NESTING + 5) + '\n';
    expect(yamlNestingDepth(deep, MAX_YAML_NESTING).at).toBe(5);
    expect(yamlNestingDepth(MANIFEST, MAX_YAML_NESTING).at).toBe(-1);
  });
});

describe('the YAML loader on deep documents', () => {
  const styles: Record<string, string> = {
    'flow sequences': 'deep: ' + '['.repeat(10_000) + '1' + ']'.repeat(10_000) + '\n',
    'flow maps': 'deep: ' + '{a: '.repeat(10_000) + '\n',
    'compact block sequences': 'deep:\n' + '- '.repeat(10_000) + 'x\n',
    indentation: 'deep:\n' + Array.from({ length: 1_000 }, (_, i) => ' '.repeat(i + 1) + 'k:').join('\n') + '\n',
  };
  for (const [name, deep] of Object.entries(styles)) {
    it(`${name}: one yaml-syntax problem, other documents still load`, () => {
      const text = MANIFEST + '---\n' + deep + '---\n' + MANIFEST;
      const result = loadYaml({ path: 'deep.yaml', text });
      expect(result.problems).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', message: expect.stringMatching(/nested more than 256 levels/) })]);
      expect(text.slice(0, result.problems[0].span.start).split('\n').length).toBeGreaterThanOrEqual(9);
      expect(result.units.map((u) => (u as { value?: any }).value?.metadata?.name)).toEqual(['ok', 'ok']);
    });
  }

  it('a document just under the limit still parses', () => {
    const text = 'deep: ' + '['.repeat(200) + '1' + ']'.repeat(200) + '\n';
    const result = loadYaml({ path: 'd.yaml', text });
    expect(result.problems).toEqual([]);
    expect(result.units).toHaveLength(1);
  });
});

describe('the CLI on many deep files', () => {
  it('reports each and keeps going (the process does not abort)', () => {
    const files: Record<string, string> = { 'good.yaml': MANIFEST };
    for (let i = 0; i < 4; i++) {
      files[`flow-${i}.yaml`] = 'deep: ' + '['.repeat(8_000 + i) + '1' + ']'.repeat(8_000 + i) + '\n';
      files[`block-${i}.yaml`] = 'deep:\n' + '- '.repeat(8_000 + i) + 'x\n';
      files[`map-${i}.json`] = '{"a": '.repeat(8_000 + i) + '1' + '}'.repeat(8_000 + i) + '\n';
    }
    const dir = tempProject(files);
    const run = runCli(['scan', dir, '--format', 'json', '--no-history']);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.status, run.stderr).toBe(1);
    const report = json(run);
    const deepFiles = Object.keys(files).filter((f) => f !== 'good.yaml').sort();
    expect([...new Set(report.findings.filter((f: any) => f.ruleId === 'yaml-syntax').map((f: any) => f.file))].sort()).toEqual(deepFiles);
  });
});
