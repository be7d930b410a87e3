// Patterns that come from the user's files (.sops.yaml path_regex, a CRD's schema `pattern`) are
// compiled by V8 only when first used, so a pattern too large to compile throws at `test`, not at
// `new RegExp`. Such a pattern must be skipped, never make a rule fail.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { tempProject } from '../helpers/cli.js';

const HUGE_PATTERN = ' '.repeat(100_000) + 'x';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function scanFiles(files: Record<string, string>) {
  const dir = tempProject(files);
  dirs.push(dir);
  return scan({ paths: [dir], history: false });
}

describe('user-supplied patterns too large to compile', () => {
  it('.sops.yaml path_regex', async () => {
    const result = await scanFiles({
      '.sops.yaml': `creation_rules:\n  - path_regex: ${JSON.stringify(HUGE_PATTERN)}\n    age: age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq\n  - path_regex: secrets/.*\\.yaml$\n    age: age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq\n`,
      'secrets/db.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: { name: db, namespace: shop }\nstringData:\n  password: hunter2-but-longer-9x\n',
    });
    expect(result.errors).toEqual([]);
    // The next rule still applies: the plaintext file is reported.
    expect(result.findings.map((f) => f.ruleId)).toContain('sops-unencrypted');
  });

  it('a CRD schema pattern', async () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.com }
spec:
  group: example.com
  names: { kind: Widget, plural: widgets, singular: widget, listKind: WidgetList }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: { type: string, pattern: ${JSON.stringify(HUGE_PATTERN)} }
                count: { type: integer, maximum: 3 }
`;
    const result = await scanFiles({
      'crd.yaml': crd,
      'widget.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w, namespace: shop }\nspec:\n  size: large\n  count: 5\n',
    });
    expect(result.errors).toEqual([]);
    // The rest of the schema is still checked.
    expect(result.findings.filter((f) => f.ruleId === 'schema-invalid').map((f) => f.path)).toEqual(['spec.count']);
  });
});
