// Shared reading of environment flags for the risky-env rules: names normalised to UPPER_SNAKE,
// values to lowercase words, and which sources count as deployed configuration.
import type { EnvValue } from '../../src/workspace/types.js';

/** `logLevel`, `log-level`, `auth.enabled` -> `LOG_LEVEL`, `LOG_LEVEL`, `AUTH_ENABLED`. */
export function normalizeEnvName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

/** Trimmed, unquoted, lowercase. */
export function normalizeFlagValue(value: string): string {
  const v = value.trim();
  const unquoted = /^(["']).*\1$/.test(v) && v.length >= 2 ? v.slice(1, -1).trim() : v;
  return unquoted.toLowerCase();
}

const TRUTHY = new Set(['true', '1', 'yes', 'y', 'on', 'enabled', 'enable']);
const FALSY = new Set(['false', '0', 'no', 'n', 'off', 'disabled', 'disable']);

export const isTruthy = (v: string): boolean => TRUTHY.has(normalizeFlagValue(v));
export const isFalsy = (v: string): boolean => FALSY.has(normalizeFlagValue(v));

/** Values that hold a whole file (a ConfigMap key with a config file) are not flags. */
export function isFlagLike(ev: EnvValue): boolean {
  return !ev.value.includes('\n') && ev.value.length <= 1000;
}

const LOCAL_DIRS = new Set(['dev', 'development', 'local', 'test', 'tests', 'testing', 'e2e']);
const LOCAL_NAME_PARTS = new Set(['dev', 'development', 'local', 'test', 'testing', 'example', 'sample']);
/** Compose's own convention for local overrides, and env templates. */
const LOCAL_NAMES = /^((docker-)?compose\.override\.ya?ml|\.env\.(template|tpl|dist))$/;

/**
 * A file meant for local development or tests, not for a deployment: a `dev`/`local`/`test` folder
 * (kustomize overlays/dev, test/), or a name like `.env.local`, `.env.example`, `.env.template`,
 * `values-dev.yaml`, `docker-compose.override.yml`.
 */
export function isLocalOrExampleFile(path: string): boolean {
  const parts = path.toLowerCase().split('/');
  const base = parts.pop() ?? '';
  if (parts.some((d) => LOCAL_DIRS.has(d))) return true;
  return LOCAL_NAMES.test(base) || base.split(/[.\-_]+/).some((p) => LOCAL_NAME_PARTS.has(p));
}

/**
 * Configuration that reaches a running deployment: Kubernetes objects (container env, ConfigMaps,
 * Secrets), Helm values and docker-compose files. `.env` files and Dockerfile ENV are left out.
 */
export function isDeployedSource(ev: EnvValue): boolean {
  return ['container', 'configmap', 'secret', 'helm-values', 'compose'].includes(ev.source);
}

export function fileOf(ev: EnvValue): string {
  return ev.at.unit.file.path;
}

/** `NAME=value` for messages; a long or spaced value (JVM options...) is left out, it may carry other settings. */
export function showAssignment(ev: EnvValue): string {
  return /^[\w.:*-]{1,24}$/.test(ev.value.trim()) ? `${ev.name}=${ev.value.trim()}` : ev.name;
}
