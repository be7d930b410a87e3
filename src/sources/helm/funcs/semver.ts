// Masterminds/semver v3 as sprig uses it: `semver` and `semverCompare`, including the rule
// that a pre-release version only satisfies constraints that mention a pre-release.
import type { FuncDef } from '../template/exec.js';
import { GoStruct } from '../template/values.js';
import { def } from './convert.js';

export interface Version { major: bigint; minor: bigint; patch: bigint; pre: string; meta: string; original: string }

const VERSION_RE = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/;

export function parseVersion(s: string): Version {
  const m = VERSION_RE.exec(s.trim());
  if (!m) throw new Error('Invalid Semantic Version');
  return { major: BigInt(m[1]), minor: BigInt(m[2] ?? 0), patch: BigInt(m[3] ?? 0), pre: m[4] ?? '', meta: m[5] ?? '', original: s };
}

function comparePre(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) {
      const d = BigInt(x) - BigInt(y);
      if (d) return d < 0n ? -1 : 1;
    } else if (nx) return -1;
    else if (ny) return 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function compareVersions(a: Version, b: Version): number {
  for (const k of ['major', 'minor', 'patch'] as const) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return comparePre(a.pre, b.pre);
}

interface Constraint { op: string; v: Version; dirty: 'major' | 'minor' | 'patch' | ''; hasPre: boolean }

const CONSTRAINT_RE = /^\s*(=|!=|>=|=>|<=|=<|>|<|~>|~|\^)?\s*(v?[0-9xX*]+(?:\.[0-9xX*]+)?(?:\.[0-9xX*]+)?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)\s*$/;

function parseConstraint(s: string): Constraint {
  const m = CONSTRAINT_RE.exec(s);
  if (!m) throw new Error(`improper constraint: ${s}`);
  const op = (m[1] ?? '').replace('=>', '>=').replace('=<', '<=').replace('~>', '~');
  const raw = m[2].replace(/^v/, '');
  const [core, ...rest] = raw.split(/(?=[-+])/);
  const parts = core.split('.');
  let dirty: Constraint['dirty'] = '';
  const nums = [0, 1, 2].map((i) => {
    const p = parts[i];
    if (p === undefined || /^[xX*]$/.test(p)) {
      if (!dirty) dirty = (['major', 'minor', 'patch'] as const)[i];
      return '0';
    }
    return p;
  });
  const v = parseVersion(nums.join('.') + rest.join(''));
  return { op, v, dirty, hasPre: v.pre !== '' };
}

function check(c: Constraint, v: Version): boolean {
  if (v.pre && !c.hasPre) return false;
  const cmp = compareVersions(v, c.v);
  const { major, minor } = c.v;
  switch (c.op) {
    case '': case '=':
      if (c.dirty === 'major') return true;
      if (c.dirty === 'minor') return v.major === major;
      if (c.dirty === 'patch') return v.major === major && v.minor === minor;
      return cmp === 0;
    case '!=':
      if (c.dirty === 'major') return false;
      if (c.dirty === 'minor') return v.major !== major;
      if (c.dirty === 'patch') return !(v.major === major && v.minor === minor);
      return cmp !== 0;
    case '>':
      if (c.dirty === 'minor') return v.major > major;
      if (c.dirty === 'patch') return v.major > major || (v.major === major && v.minor > minor);
      return cmp > 0;
    case '<': return cmp < 0;
    case '>=': return cmp >= 0;
    case '<=':
      if (c.dirty === 'minor') return v.major <= major;
      if (c.dirty === 'patch') return v.major < major || (v.major === major && v.minor <= minor);
      return cmp <= 0;
    case '~':
      if (cmp < 0) return false;
      if (c.dirty === 'major') return true;
      if (c.dirty === 'minor' && major !== 0n) return v.major === major;
      return v.major === major && v.minor === minor;
    case '^':
      if (cmp < 0) return false;
      if (c.dirty === 'major') return true;
      if (major > 0n) return v.major === major;
      if (c.dirty === 'minor') return v.major === 0n;
      if (minor > 0n) return v.major === 0n && v.minor === minor;
      if (c.dirty === 'patch') return v.major === 0n && v.minor === 0n;
      return v.major === 0n && v.minor === 0n && v.patch === c.v.patch;
  }
  return false;
}

/** Parse a constraint string into OR-groups of AND-ed constraints. */
export function parseConstraints(s: string): Constraint[][] {
  return s.split('||').map((group) => {
    const g = group.trim();
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(g);
    if (hyphen) return [parseConstraint('>=' + hyphen[1]), parseConstraint('<=' + hyphen[2])];
    const pieces = g.replace(/([<>=~^!]+)\s+/g, '$1').split(/[\s,]+/).filter(Boolean);
    if (!pieces.length) throw new Error(`improper constraint: ${s}`);
    return pieces.map(parseConstraint);
  });
}

export function satisfies(constraint: string, version: string): boolean {
  const groups = parseConstraints(constraint);
  const v = parseVersion(version);
  return groups.some((g) => g.every((c) => check(c, v)));
}

function versionStruct(s: string): GoStruct {
  const v = parseVersion(s);
  const str = () => `${v.major}.${v.minor}.${v.patch}${v.pre ? '-' + v.pre : ''}${v.meta ? '+' + v.meta : ''}`;
  return new GoStruct('*semver.Version', {}, {
    Major: () => v.major, Minor: () => v.minor, Patch: () => v.patch,
    Prerelease: () => v.pre, Metadata: () => v.meta, Original: () => v.original, String: str,
  }, str);
}

export const semverFuncs: Record<string, FuncDef> = {
  semver: def(['string'], (_c, s) => versionStruct(s)),
  semverCompare: def(['string', 'string'], (_c, c, v) => satisfies(c, v)),
};
