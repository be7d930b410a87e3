// Regenerate docs/rules/*.md and the README rule table from rule metadata.
import fs from 'node:fs';
import path from 'node:path';
import { docsFiles, withReadmeFamilies } from './docs-content.js';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'docs/rules');
fs.mkdirSync(dir, { recursive: true });
const files = docsFiles();
for (const name of fs.readdirSync(dir)) if (name.endsWith('.md') && !files.has(name)) fs.rmSync(path.join(dir, name));
for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
const readme = path.join(root, 'README.md');
fs.writeFileSync(readme, withReadmeFamilies(fs.readFileSync(readme, 'utf8')));
console.log(`wrote ${files.size} files to docs/rules/ and the README rule table`);
