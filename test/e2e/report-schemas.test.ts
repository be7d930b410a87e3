// Reports validate against their schemas: the official SARIF 2.1.0 schema and our JSON report schema.
import fs from 'node:fs';
import path from 'node:path';
import { compileSchema } from '../helpers/ajv.js';
import { describe, expect, it } from 'vitest';
import { json, REPO, runCli } from '../helpers/cli.js';

function validator(schemaFile: string, draft04 = false) {
  return compileSchema(JSON.parse(fs.readFileSync(schemaFile, 'utf8')), draft04);
}

describe('report schemas', () => {
  it('SARIF of the examples validates against the official SARIF 2.1.0 schema', () => {
    const sarif = json(runCli(['scan', 'examples/', '--format', 'sarif']));
    const validate = validator(path.join(REPO, 'test/schemas/sarif-schema-2.1.0.json'), true);
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = sarif.runs[0];
    expect(run.results.length).toBeGreaterThan(0);
    for (const r of run.results) {
      expect(r.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(r.locations[0].physicalLocation.artifactLocation.uri).not.toMatch(/^(\/|file:)/);
      expect(r.partialFingerprints['kubelint/v1']).toMatch(/^[0-9a-f]{24}$/);
      expect(r.partialFingerprints.primaryLocationLineHash).toBeUndefined();
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    }
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.markdown).toContain(`# ${rule.id}`);
    }
  });

  it('JSON report of the examples validates against schemas/report.schema.json', () => {
    const report = json(runCli(['scan', 'examples/', '--format', 'json']));
    const validate = validator(path.join(REPO, 'schemas/report.schema.json'));
    validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(f.fingerprint).not.toMatch(/\d+:\d+/);
  });

  it('the config schema is valid JSON Schema and accepts the init template', async () => {
    const validate = validator(path.join(REPO, 'schemas/config.schema.json'));
    const { INIT_TEXT } = await import('../../src/cli/info-commands.js');
    const { parse } = await import('yaml');
    expect(validate(parse(INIT_TEXT))).toBe(true);
  });
});
