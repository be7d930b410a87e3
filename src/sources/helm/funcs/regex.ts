// sprig's regex functions. Go RE2 syntax is translated to JavaScript where they differ
// (named groups, leading flags, POSIX classes, \A and \z); replacements expand $1/${name} as Go does.
import type { FuncDef } from '../template/exec.js';
import { def } from './convert.js';

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F', digit: '0-9',
  graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ', upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

const cache = new Map<string, RegExp>();

/** Compile a Go regexp. `global` for find-all/replace. */
export function goRegex(src: string, global = false): RegExp {
  const key = (global ? 'g:' : ':') + src;
  let re = cache.get(key);
  if (re) return re;
  let flags = global ? 'g' : '';
  let pat = src;
  const lead = /^\(\?([imsU]+)\)/.exec(pat);
  if (lead) {
    for (const f of lead[1]) if (f !== 'U' && !flags.includes(f)) flags += f;
    pat = pat.slice(lead[0].length);
  }
  pat = pat
    .replace(/\(\?P</g, '(?<')
    .replace(/\[:(\^?)([a-z]+):\]/g, (m, neg: string, name: string) => (POSIX[name] ? (neg ? `^${POSIX[name]}` : POSIX[name]) : m))
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$');
  if (/\\[pP]/.test(pat)) {
    flags += 'u';
    pat = pat.replace(/\\([pP])([A-Z])/g, '\\$1{$2}');
  }
  try {
    re = new RegExp(pat, flags);
  } catch (err) {
    throw new Error(`error parsing regexp: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  cache.set(key, re);
  return re;
}

/** Go's Regexp.Expand of a replacement template. */
function expand(template: string, m: RegExpExecArray | string[], groups?: Record<string, string | undefined>): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== '$') { out += c; continue; }
    const next = template[i + 1];
    if (next === '$') { out += '$'; i++; continue; }
    let name: string;
    if (next === '{') {
      const close = template.indexOf('}', i + 2);
      if (close < 0) { out += '$'; continue; }
      name = template.slice(i + 2, close);
      i = close;
    } else {
      const w = /^[A-Za-z0-9_]+/.exec(template.slice(i + 1));
      if (!w) { out += '$'; continue; }
      name = w[0];
      i += name.length;
    }
    if (/^\d+$/.test(name)) out += m[Number(name)] ?? '';
    else out += groups?.[name] ?? '';
  }
  return out;
}

function replaceAll(re: RegExp, s: string, repl: string, literal: boolean): string {
  re.lastIndex = 0;
  return s.replace(re, (...args: any[]) => {
    if (literal) return repl;
    const hasGroups = typeof args[args.length - 1] === 'object';
    const groups = hasGroups ? args[args.length - 1] : undefined;
    const m = args.slice(0, hasGroups ? -3 : -2) as string[];
    return expand(repl, m, groups);
  });
}

function findAll(re: RegExp, s: string, n: number): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (const m of s.matchAll(re)) {
    if (n >= 0 && out.length >= n) break;
    out.push(m[0]);
  }
  return out;
}

function split(re: RegExp, s: string, n: number): string[] {
  if (n === 0) return [];
  const parts: string[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (const m of s.matchAll(re)) {
    if (n > 0 && parts.length === n - 1) break;
    if (m[0] === '' && (m.index === 0 || m.index === s.length)) continue;
    parts.push(s.slice(last, m.index));
    last = m.index! + m[0].length;
  }
  parts.push(s.slice(last));
  return parts;
}

export const regexFuncs: Record<string, FuncDef> = {
  regexMatch: def(['string', 'string'], (_c, r, s) => { try { return goRegex(r).test(s); } catch { return false; } }),
  mustRegexMatch: def(['string', 'string'], (_c, r, s) => goRegex(r).test(s)),
  regexFind: def(['string', 'string'], (_c, r, s) => { try { return goRegex(r).exec(s)?.[0] ?? ''; } catch { return ''; } }),
  mustRegexFind: def(['string', 'string'], (_c, r, s) => goRegex(r).exec(s)?.[0] ?? ''),
  regexFindAll: def(['string', 'string', 'int'], (_c, r, s, n) => { try { return findAll(goRegex(r, true), s, Number(n)); } catch { return []; } }),
  mustRegexFindAll: def(['string', 'string', 'int'], (_c, r, s, n) => findAll(goRegex(r, true), s, Number(n))),
  regexReplaceAll: def(['string', 'string', 'string'], (_c, r, s, repl) => { try { return replaceAll(goRegex(r, true), s, repl, false); } catch { return s; } }),
  mustRegexReplaceAll: def(['string', 'string', 'string'], (_c, r, s, repl) => replaceAll(goRegex(r, true), s, repl, false)),
  regexReplaceAllLiteral: def(['string', 'string', 'string'], (_c, r, s, repl) => { try { return replaceAll(goRegex(r, true), s, repl, true); } catch { return s; } }),
  mustRegexReplaceAllLiteral: def(['string', 'string', 'string'], (_c, r, s, repl) => replaceAll(goRegex(r, true), s, repl, true)),
  regexSplit: def(['string', 'string', 'int'], (_c, r, s, n) => { try { return split(goRegex(r, true), s, Number(n)); } catch { return []; } }),
  mustRegexSplit: def(['string', 'string', 'int'], (_c, r, s, n) => split(goRegex(r, true), s, Number(n))),
  regexQuoteMeta: def(['string'], (_c, s) => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')),
};
