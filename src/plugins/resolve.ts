// Where a `plugins:` entry lives on disk: a path relative to the config file, or a package found in
// node_modules next to the config or above it, resolved the way Node's ESM loader would (`exports`
// with the node/import/default conditions, else `main`, else index.js).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ResolvedPlugin {
  /** The entry as written in config. */
  spec: string;
  /** Absolute path of the module to import. */
  file: string;
  /** Prefix used when the module exports no `name`. */
  fallbackName: string;
}

export class PluginResolveError extends Error {}

const CONDITIONS = ['node', 'import', 'default'];

export function isPathSpec(spec: string): boolean {
  return spec.startsWith('.') || path.isAbsolute(spec) || spec.startsWith('file:');
}

export function resolvePlugin(spec: string, configDir: string): ResolvedPlugin {
  if (isPathSpec(spec)) {
    const file = spec.startsWith('file:') ? fileURLToPath(spec) : path.resolve(configDir, spec);
    if (!fs.existsSync(file)) throw new PluginResolveError(`file not found: ${file}`);
    return { spec, file, fallbackName: nameFromFile(file) };
  }
  const { pkgName, subpath } = splitPackageSpec(spec);
  const pkgDir = findPackageDir(pkgName, configDir);
  if (!pkgDir) {
    throw new PluginResolveError(`cannot find package "${pkgName}" in node_modules of ${configDir} or its parents (install it in the project, or write a path starting with ./)`);
  }
  const file = packageEntry(pkgDir, subpath);
  return { spec, file, fallbackName: nameFromPackage(pkgName) };
}

function splitPackageSpec(spec: string): { pkgName: string; subpath: string } {
  const parts = spec.split('/');
  const n = spec.startsWith('@') ? 2 : 1;
  if (parts.length < n || parts.slice(0, n).some((p) => !p)) throw new PluginResolveError(`not a package name: "${spec}"`);
  return { pkgName: parts.slice(0, n).join('/'), subpath: ['.', ...parts.slice(n)].join('/') };
}

function findPackageDir(pkgName: string, fromDir: string): string | undefined {
  let dir = path.resolve(fromDir);
  for (;;) {
    const candidate = path.join(dir, 'node_modules', pkgName);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function packageEntry(pkgDir: string, subpath: string): string {
  let pkg: any;
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  } catch (err) {
    throw new PluginResolveError(`cannot read ${path.join(pkgDir, 'package.json')}: ${(err as Error).message}`);
  }
  if (pkg.exports !== undefined && pkg.exports !== null) {
    const target = exportsTarget(pkg.exports, subpath);
    if (!target) throw new PluginResolveError(`package ${pkg.name ?? pkgDir} does not export "${subpath}" for import`);
    return existing(path.join(pkgDir, target), pkgDir);
  }
  if (subpath !== '.') return existing(path.join(pkgDir, subpath), pkgDir);
  // Without exports, Node tries main as written, then with .js, then main/index.js.
  const main = typeof pkg.main === 'string' ? pkg.main : 'index.js';
  for (const candidate of [main, `${main}.js`, path.join(main, 'index.js')]) {
    const full = path.join(pkgDir, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return full;
  }
  throw new PluginResolveError(`package in ${pkgDir} has no entry file (main "${main}")`);
}

function existing(file: string, pkgDir: string): string {
  if (!fs.existsSync(file)) throw new PluginResolveError(`package in ${pkgDir} names ${file}, which does not exist`);
  return file;
}

/** The `exports` target for a subpath ('.' or './x'), with `*` patterns and nested conditions. */
export function exportsTarget(exportsField: unknown, subpath: string): string | undefined {
  const isSubpathMap = isRecord(exportsField) && Object.keys(exportsField).some((k) => k.startsWith('.'));
  if (!isSubpathMap) return subpath === '.' ? conditionalTarget(exportsField) : undefined;
  const map = exportsField as Record<string, unknown>;
  if (subpath in map) return conditionalTarget(map[subpath]);
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      const matched = subpath.slice(prefix.length, subpath.length - suffix.length);
      return conditionalTarget(value)?.replaceAll('*', matched);
    }
  }
  return undefined;
}

function conditionalTarget(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = conditionalTarget(v);
      if (t) return t;
    }
    return undefined;
  }
  if (isRecord(value)) {
    // Conditions are tried in the order the package lists them.
    for (const [condition, target] of Object.entries(value)) {
      if (!CONDITIONS.includes(condition)) continue;
      const t = conditionalTarget(target);
      if (t) return t;
    }
  }
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** `kubelint-plugin-foo` -> foo, `@acme/kubelint-rules` -> acme, `@acme/kubelint-plugin-k8s` -> acme-k8s. */
export function nameFromPackage(pkgName: string): string {
  const scoped = /^@([^/]+)\/(.+)$/.exec(pkgName);
  const scope = scoped?.[1];
  const base = scoped ? scoped[2] : pkgName;
  const stripped = /^kubelint-(?:plugin|rules)(?:-(.+))?$/.exec(base);
  let name: string;
  if (stripped) name = [scope, stripped[1]].filter(Boolean).join('-') || base;
  else name = scope ? `${scope}-${base}` : base;
  return sanitizeName(name);
}

/** `./tools/team-rules.mjs` -> team-rules. */
export function nameFromFile(file: string): string {
  return sanitizeName(path.basename(file).replace(/\.[cm]?[jt]s$/, ''));
}

function sanitizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
}
