// Which files a scan reads: .gitignore files (root and nested), .kubelintignore, config ignores,
// and explicitly named files, which never make kubelint walk the whole tree.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { discover } from '../../src/sources/discover.js';
import { tempProject } from '../helpers/cli.js';

const DEPLOY = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n';

async function found(root: string, paths: string[] = [root], ignore: string[] = []): Promise<string[]> {
  return (await discover({ root, paths, ignore })).files.map((f) => f.relPath);
}

describe('discover', () => {
  it('honours the root .gitignore, .kubelintignore and config ignores', async () => {
    const root = tempProject({
      '.gitignore': 'build/\n*.tmp.yaml\n',
      '.kubelintignore': 'vendor/\n',
      'app.yaml': DEPLOY,
      'x.tmp.yaml': DEPLOY,
      'build/out.yaml': DEPLOY,
      'vendor/dep.yaml': DEPLOY,
      'legacy/old.yaml': DEPLOY,
    });
    expect(await found(root, [root], ['legacy/'])).toEqual(['.gitignore', '.kubelintignore', 'app.yaml']);
  });

  it('scopes a nested .gitignore to its folder, deeper files overriding shallower ones', async () => {
    const root = tempProject({
      'a/.gitignore': 'generated.yaml\n/top.yaml\n',
      'a/generated.yaml': DEPLOY,
      'a/deep/generated.yaml': DEPLOY,
      'a/top.yaml': DEPLOY,
      'a/deep/top.yaml': DEPLOY,
      'b/generated.yaml': DEPLOY,
      'c/.gitignore': '*.yaml\n',
      'c/d/.gitignore': '!keep.yaml\n',
      'c/d/keep.yaml': DEPLOY,
      'c/d/drop.yaml': DEPLOY,
    });
    expect(await found(root)).toEqual(['a/.gitignore', 'a/deep/top.yaml', 'b/generated.yaml', 'c/.gitignore', 'c/d/.gitignore', 'c/d/keep.yaml']);
  });

  it('applies the .gitignore files above a named file or folder, and only those', async () => {
    const root = tempProject({
      'a/.gitignore': 'skip.yaml\n',
      'a/b/skip.yaml': DEPLOY,
      'a/b/keep.yaml': DEPLOY,
      'other/.gitignore': 'keep.yaml\n',
    });
    const named = await discover({ root, paths: [path.join(root, 'a/b/keep.yaml'), path.join(root, 'a/b/skip.yaml')], ignore: [] });
    expect(named.files.map((f) => f.relPath)).toEqual(['a/b/keep.yaml']);
    // A file named on the command line is never dropped silently.
    expect(named.notes).toEqual(['a/b/skip.yaml: matches an ignore pattern (.gitignore, .kubelintignore or config ignore), skipped']);
    expect(await found(root, [path.join(root, 'a/b')])).toEqual(['a/b/keep.yaml']);
  });
});
