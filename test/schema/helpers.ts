// Workspaces from YAML text, and the generated validators the schema tests need.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../../src/model.js';
import { loadYaml } from '../../src/sources/yaml.js';
import { Workspace } from '../../src/workspace/workspace.js';

export const REPO = path.resolve(import.meta.dirname, '../..');

/** Build src/generated/k8s when a fresh clone has not been built yet (normally `npm test` builds first). */
export function ensureGeneratedValidators(): void {
  if (fs.existsSync(path.join(REPO, 'src/generated/k8s/index.js'))) return;
  execFileSync(process.execPath, [path.join(REPO, 'scripts/prebuild/20-k8s-validators.mjs')], { stdio: 'inherit' });
}

export function workspaceOf(files: Record<string, string>, kubernetesVersion = '1.33'): Workspace {
  const sources: SourceFile[] = Object.entries(files).map(([p, text]) => ({ path: p, text }));
  const units = sources.flatMap((f) => loadYaml(f).units);
  return new Workspace(sources, units, { kubernetesVersion, targetArchitectures: [], defaultNamespace: 'default' });
}

/** 1-based line and column of an offset. */
export function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
