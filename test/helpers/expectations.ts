// `# expect: rule-a, rule-b` annotations of fixture files, as (file, line, rule) keys.
import fs from 'node:fs';
import path from 'node:path';

const EXPECT = /#\s*expect:\s*([a-z0-9/][a-z0-9/,\s-]*)/;

export function expectationsOf(text: string): { line: number; rule: string }[] {
  const lines = text.split(/\r?\n/);
  const out: { line: number; rule: string }[] = [];
  lines.forEach((line, i) => {
    const m = EXPECT.exec(line);
    if (!m) return;
    const rules = m[1].split(/[\s,]+/).filter(Boolean);
    let target = i + 1;
    if (/^\s*#/.test(line)) {
      // A comment-only annotation points at the next line that is not a comment.
      let j = i + 1;
      while (j < lines.length && /^\s*#/.test(lines[j])) j++;
      target = j + 1;
    }
    for (const rule of rules) out.push({ line: target, rule });
  });
  return out;
}

/** Sidecar `<file>.expect` for formats without comments (JSON): lines of `LINE rule-id`. */
export function sidecarExpectations(file: string): { line: number; rule: string }[] {
  const side = file + '.expect';
  if (!fs.existsSync(side)) return [];
  return fs
    .readFileSync(side, 'utf8')
    .split(/\r?\n/)
    .map((l) => /^(\d+)\s+(\S+)/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ line: Number(m[1]), rule: m[2] }));
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile() || entry.isSymbolicLink()) out.push(full);
  }
  return out.sort();
}
