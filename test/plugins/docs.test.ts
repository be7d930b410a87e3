// docs/writing-rules.md stays true: its config snippets validate, its declarative examples run.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/load.js';
import { scan } from '../../src/engine/scan.js';
import { REPO, tempProject } from '../helpers/cli.js';
import { deployment, lineOf } from './helpers.js';

const DOC = fs.readFileSync(path.join(REPO, 'docs/writing-rules.md'), 'utf8');
const yamlBlocks = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('docs/writing-rules.md', () => {
  it('has config snippets that the config schema accepts', async () => {
    const configs = yamlBlocks.filter((b) => /^(plugins|customRules|rules):/m.test(b));
    expect(configs.length).toBeGreaterThanOrEqual(3);
    for (const block of configs) await expect(validateConfig(parse(block), 'docs/writing-rules.md')).resolves.toBeDefined();
  });

  it('shows the example config of examples/plugins as it is', () => {
    const example = fs.readFileSync(path.join(REPO, 'examples/plugins/.kubelint.yaml'), 'utf8');
    const shown = yamlBlocks.find((b) => b.includes('id: team-label'))!;
    expect(parse(shown).customRules).toEqual(parse(example).customRules);
  });

  it('has declarative examples that compile and fire where they say', async () => {
    const block = yamlBlocks.find((b) => b.includes('id: internal-registry'))!;
    const text = deployment('api', ['labels: { app: api, tier: backend }'], 'prod-eu');
    const dir = tempProject({ '.kubelint.yaml': block, 'api.yaml': text });
    const result = await scan({ paths: [dir] });
    expect(result.errors).toEqual([]);
    const custom = result.findings.filter((f) => f.ruleId.startsWith('custom/'));
    expect(custom.map((f) => [f.ruleId, f.line, f.message])).toEqual([
      ['custom/internal-registry', lineOf(text, 'image:'), 'container api of Deployment api must pull from registry.internal'],
      ['custom/backend-priority', lineOf(text, '    spec:'), "Deployment api: must have required property 'priorityClassName'"],
    ].sort((a, b) => (a[1] as number) - (b[1] as number)));
  });
});
