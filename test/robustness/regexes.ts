// Every regular expression written in the tool's source: regex literals, and `new RegExp(...)` /
// `RegExp(...)` calls whose pattern is a literal. Found with the TypeScript compiler API.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  /** Relative to the repository, with its line: `src/x.ts:12`. */
  where: string;
  pattern: string;
  flags: string;
}

export interface RegexInventory {
  found: FoundRegex[];
  /** `new RegExp(expr)` with a computed pattern: listed so nobody thinks they were checked. */
  dynamic: string[];
}

const REPO = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'generated' && e.name !== 'node_modules') out.push(...sourceFiles(full));
    } else if (/\.(ts|mts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function literalText(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return undefined;
}

export function collectRegexes(roots = ['src', 'rules']): RegexInventory {
  const found: FoundRegex[] = [];
  const dynamic: string[] = [];
  for (const file of roots.flatMap((r) => sourceFiles(path.join(REPO, r))).sort()) {
    const text = fs.readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const rel = path.relative(REPO, file).split(path.sep).join('/');
    const where = (node: ts.Node) => `${rel}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const raw = node.text;
        const end = raw.lastIndexOf('/');
        found.push({ where: where(node), pattern: raw.slice(1, end), flags: raw.slice(end + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const args = node.arguments ?? [];
        const pattern = literalText(args[0]);
        if (pattern !== undefined) found.push({ where: where(node), pattern, flags: literalText(args[1]) ?? '' });
        else dynamic.push(where(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { found, dynamic };
}
