// Defaults, type inspection, and Helm's own functions (include, tpl, required, fail, lookup).
import { HelmFailError, type FuncDef } from '../template/exec.js';
import { formatV } from '../template/format.js';
import { isEmpty, isNil, kindOf, typeName } from '../template/values.js';
import { def } from './convert.js';

function pathBase(p: string): string {
  if (p === '') return '.';
  const s = p.replace(/\/+$/, '');
  if (s === '') return '/';
  return s.slice(s.lastIndexOf('/') + 1);
}

function pathClean(p: string): string {
  if (p === '') return '.';
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(seg);
  }
  const s = (abs ? '/' : '') + out.join('/');
  return s || (abs ? '/' : '.');
}

function pathDir(p: string): string {
  const i = p.lastIndexOf('/');
  return pathClean(i < 0 ? '' : p.slice(0, i + 1));
}

function pathExt(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

function unavailable(name: string, why: string): FuncDef {
  return def([], () => { throw new Error(`${name} is not supported by kubelint's Helm renderer: ${why}`); }, 'any');
}

export const flowFuncs: Record<string, FuncDef> = {
  default: def(['any'], (_c, d, ...given) => (!given.length || isEmpty(given[0]) ? d : given[0]), 'any'),
  empty: def(['any'], (_c, v) => isEmpty(v)),
  coalesce: def([], (_c, ...a) => a.find((v) => !isEmpty(v)) ?? null, 'any'),
  all: def([], (_c, ...a) => a.every((v) => !isEmpty(v)), 'any'),
  any: def([], (_c, ...a) => a.some((v) => !isEmpty(v)), 'any'),
  ternary: def(['any', 'any', 'bool'], (_c, t, f, v) => (v ? t : f)),
  fail: def(['string'], (_c, msg) => { throw new HelmFailError(msg); }),
  required: def(['string', 'any'], (_c, warn, v) => {
    if (isNil(v) || v === '') throw new HelmFailError(warn);
    return v;
  }),
  typeOf: def(['any'], (_c, v) => typeName(v)),
  typeIs: def(['string', 'any'], (_c, t, v) => t === typeName(v)),
  typeIsLike: def(['string', 'any'], (_c, t, v) => t === typeName(v) || '*' + t === typeName(v)),
  kindOf: def(['any'], (_c, v) => kindOf(v)),
  kindIs: def(['string', 'any'], (_c, k, v) => k === kindOf(v)),
  include: def(['string', 'any'], (ctx, name, data) => ctx.include(name, data)),
  tpl: def(['string', 'map'], (ctx, text, data) => ctx.tpl(text, data)),
  lookup: def(['string', 'string', 'string', 'string'], () => ({})),
  base: def(['string'], (_c, p) => pathBase(p)),
  dir: def(['string'], (_c, p) => pathDir(p)),
  clean: def(['string'], (_c, p) => pathClean(p)),
  ext: def(['string'], (_c, p) => pathExt(p)),
  isAbs: def(['string'], (_c, p) => p.startsWith('/')),
  osBase: def(['string'], (_c, p) => pathBase(p)),
  osDir: def(['string'], (_c, p) => pathDir(p)),
  osClean: def(['string'], (_c, p) => pathClean(p)),
  osExt: def(['string'], (_c, p) => pathExt(p)),
  osIsAbs: def(['string'], (_c, p) => p.startsWith('/')),
  hello: def([], () => 'Hello!'),
  toString: def(['any'], (_c, v) => (typeof v === 'string' ? v : formatV(v))),
  getHostByName: unavailable('getHostByName', 'it needs DNS, and linting never uses the network'),
  derivePassword: unavailable('derivePassword', 'not implemented'),
  encryptAES: unavailable('encryptAES', 'not implemented'),
  decryptAES: unavailable('decryptAES', 'not implemented'),
};
