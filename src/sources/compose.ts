// docker-compose files, read from the YAML documents the YAML loader already parsed.
// `environment` comes in two forms; both become env values that point at the value itself
// (for `- KEY=value` list items, past the `KEY=`).
import type { KeyPath, SourceFile, Span, Unit } from '../model.js';
import type { EnvValue, YamlDocUnit } from '../workspace/types.js';
import type { Workspace } from '../workspace/workspace.js';
import { registerEnvCollector } from '../workspace/env.js';
import { baseName } from './registry.js';

export interface ComposeEnvEntry {
  name: string;
  /** undefined for `- KEY` / `KEY:` (taken from the shell at `up` time). */
  value?: string;
  /** Path inside the compose unit (see ComposeUnit.locate). */
  path: KeyPath;
}

export interface ComposeService {
  name: string;
  image?: string;
  build?: { context?: string; dockerfile?: string; platforms?: string[] };
  platform?: string;
  environment: ComposeEnvEntry[];
  /** Container-side ports from `ports` (`8080:80` -> 80) and `expose`. */
  containerPorts: number[];
  /** `env_file` entries, resolved against the compose file's folder (scan-root relative). */
  envFiles: string[];
  /** `network_mode` (host, service:x, container:x share another network namespace). */
  networkMode?: string;
}

/**
 * A compose document. Paths are the document's key paths, plus
 * ['services', S, 'environment', i, 'value'] for the value part of a `- KEY=value` item.
 */
export class ComposeUnit implements Unit {
  readonly kind = 'compose' as const;
  constructor(readonly doc: YamlDocUnit, readonly services: ComposeService[]) {}

  get file(): SourceFile {
    return this.doc.file;
  }

  locate(path: KeyPath, target?: 'key' | 'value'): Span {
    const n = path.length;
    if (n === 5 && path[0] === 'services' && path[2] === 'environment' && typeof path[3] === 'number' && path[4] === 'value') {
      return valueOfListItem(this.doc.file.text, this.doc.locate(path.slice(0, 4), 'value'));
    }
    return this.doc.locate(path, target);
  }
}

/** `KEY=value`, `"KEY=value"` or `'KEY=value'` at `span`: the offsets of `value`. */
function valueOfListItem(text: string, span: Span): Span {
  const raw = text.slice(span.start, span.end);
  const quote = raw[0] === '"' || raw[0] === "'" ? 1 : 0;
  const eq = raw.indexOf('=');
  if (eq < 0) return span;
  const end = quote && raw.length > 1 && raw[raw.length - 1] === raw[0] ? span.end - 1 : span.end;
  return { start: span.start + eq + 1, end: Math.max(span.start + eq + 1, end) };
}

const COMPOSE_NAME = /^(docker-)?compose([.-][^/]*)?\.ya?ml$/i;

function isRecord(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A compose file by name, or any YAML whose top level is `services:` of image/build entries and no `kind`. */
export function isComposeDocument(doc: YamlDocUnit): boolean {
  const v = doc.value;
  if (!isRecord(v) || !isRecord(v.services) || 'kind' in v || 'apiVersion' in v) return false;
  if (COMPOSE_NAME.test(baseName(doc.file.path))) return true;
  const services = Object.values(v.services);
  return services.length > 0 && services.every((s) => isRecord(s) && ('image' in s || 'build' in s));
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function scalar(v: unknown): string | undefined {
  return v == null || typeof v === 'object' ? undefined : String(v);
}

/** `8080:80`, `127.0.0.1:5432:5432/tcp`, `5432`, `{ target: 80 }` -> the container port. */
function containerPort(p: unknown): number | undefined {
  if (isRecord(p)) return Number.isFinite(Number(p.target)) ? Number(p.target) : undefined;
  const text = scalar(p);
  if (text === undefined) return undefined;
  const last = text.split('/')[0].split(':').pop() ?? '';
  const first = last.split('-')[0];
  return /^\d+$/.test(first) ? Number(first) : undefined;
}

function joinRelative(dir: string, rel: string): string {
  const out: string[] = [];
  for (const part of (rel.startsWith('/') ? rel.slice(1) : dir ? `${dir}/${rel}` : rel).split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

function readService(name: string, s: Record<string, any>, dir: string): ComposeService {
  const environment: ComposeEnvEntry[] = [];
  const env = s.environment;
  if (Array.isArray(env)) {
    env.forEach((item: unknown, i: number) => {
      const line = scalar(item);
      if (line === undefined) return;
      const eq = line.indexOf('=');
      if (eq < 0) environment.push({ name: line.trim(), path: ['services', name, 'environment', i] });
      else environment.push({ name: line.slice(0, eq).trim(), value: line.slice(eq + 1), path: ['services', name, 'environment', i, 'value'] });
    });
  } else if (isRecord(env)) {
    for (const [key, value] of Object.entries(env)) {
      environment.push({ name: key, value: scalar(value), path: ['services', name, 'environment', key] });
    }
  }
  let build: ComposeService['build'];
  if (typeof s.build === 'string') build = { context: s.build };
  else if (isRecord(s.build)) {
    build = {
      context: scalar(s.build.context),
      dockerfile: scalar(s.build.dockerfile),
      platforms: Array.isArray(s.build.platforms) ? s.build.platforms.map(String) : undefined,
    };
  }
  return {
    name,
    image: scalar(s.image),
    build,
    platform: scalar(s.platform),
    environment,
    containerPorts: [...(Array.isArray(s.ports) ? s.ports : []), ...(Array.isArray(s.expose) ? s.expose : [])]
      .map(containerPort)
      .filter((p): p is number => p !== undefined),
    envFiles: ([] as unknown[])
      .concat(s.env_file ?? [])
      .map((e) => (isRecord(e) ? scalar(e.path) : scalar(e)))
      .filter((e): e is string => !!e)
      .map((e) => joinRelative(dir, e)),
    networkMode: scalar(s.network_mode),
  };
}

/** Every compose document of the scan, built once. */
export function composeUnits(ws: Workspace): ComposeUnit[] {
  return ws.memo('compose:units', () =>
    ws.yamlDocs.filter(isComposeDocument).map((doc) => {
      const services = Object.entries((doc.value as any).services as Record<string, unknown>)
        .filter((e): e is [string, Record<string, any>] => isRecord(e[1]))
        .map(([name, s]) => readService(name, s, dirOf(doc.file.path)));
      return new ComposeUnit(doc, services);
    }),
  );
}

registerEnvCollector((ws) => {
  const out: EnvValue[] = [];
  for (const unit of composeUnits(ws)) {
    for (const svc of unit.services) {
      for (const e of svc.environment) {
        if (e.value === undefined) continue;
        out.push({ name: e.name, value: e.value, source: 'compose', at: { unit, basePath: [] }, path: e.path });
      }
    }
  }
  return out;
});
