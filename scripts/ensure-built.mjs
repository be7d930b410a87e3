// `npm run kubelint` builds first when dist/ is missing or older than the sources.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist/cli/.stamp');

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else latest = Math.max(latest, fs.statSync(full).mtimeMs);
  }
  return latest;
}

const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
const sources = Math.max(...['src', 'rules', 'schemas', 'scripts'].map((d) => (fs.existsSync(path.join(root, d)) ? newest(path.join(root, d)) : 0)), fs.statSync(path.join(root, 'package.json')).mtimeMs);
if (!built || sources > built) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
