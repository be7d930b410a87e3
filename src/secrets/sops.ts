// SOPS: which files must be encrypted (`.sops.yaml` creation_rules, `*.sops.*`/`*.enc.*` names)
// and which values inside an encrypted file must be `ENC[...]` (encrypted_regex & co.).
import { parse as parseYaml } from 'yaml';
import type { KeyPath, SourceFile } from '../model.js';
import { isObjectLike } from '../workspace/objects.js';

/** The settings that decide which keys SOPS encrypts. */
export interface SopsKeySettings {
  encrypted_regex?: string;
  unencrypted_regex?: string;
  encrypted_suffix?: string;
  unencrypted_suffix?: string;
  /** Comment-driven selection cannot be checked on parsed values. */
  comment_driven?: boolean;
}

export interface CreationRule extends SopsKeySettings {
  path_regex?: string;
  /** Index in creation_rules, for messages. */
  index: number;
}

export interface SopsConfig {
  /** Path of the .sops.yaml, relative to the scan root. */
  path: string;
  /** Directory the rules' path_regex is relative to ('' for the root). */
  dir: string;
  rules: CreationRule[];
}

const SETTING_KEYS = ['encrypted_regex', 'unencrypted_regex', 'encrypted_suffix', 'unencrypted_suffix'] as const;

export function isSopsConfigPath(path: string): boolean {
  return /(?:^|\/)\.sops\.ya?ml$/.test(path);
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function settingsFrom(raw: Record<string, unknown>): SopsKeySettings {
  const out: SopsKeySettings = {};
  for (const key of SETTING_KEYS) if (typeof raw[key] === 'string' && raw[key] !== '') out[key] = raw[key] as string;
  if (raw.encrypted_comment_regex || raw.unencrypted_comment_regex) out.comment_driven = true;
  return out;
}

export function parseSopsConfig(file: SourceFile): SopsConfig | undefined {
  let doc: unknown;
  try {
    doc = parseYaml(file.text);
  } catch {
    return undefined;
  }
  if (!isObjectLike(doc) || !Array.isArray(doc.creation_rules)) return undefined;
  const rules: CreationRule[] = [];
  doc.creation_rules.forEach((r: unknown, index: number) => {
    if (!isObjectLike(r)) return;
    rules.push({ ...settingsFrom(r), ...(typeof r.path_regex === 'string' && r.path_regex ? { path_regex: r.path_regex } : {}), index });
  });
  return { path: file.path, dir: dirOf(file.path), rules };
}

/** The nearest .sops.yaml above a file (the deepest directory that has one). */
export function configFor(path: string, configs: SopsConfig[]): SopsConfig | undefined {
  let best: SopsConfig | undefined;
  for (const c of configs) {
    if (c.dir !== '' && !path.startsWith(`${c.dir}/`)) continue;
    if (!best || c.dir.length > best.dir.length) best = c;
  }
  return best;
}

function safeRegex(source: string): RegExp | undefined {
  try {
    // Go's RE2 and JS agree on the syntax people write in .sops.yaml; `(?i)` is the usual exception.
    const insensitive = source.startsWith('(?i)');
    const re = new RegExp(insensitive ? source.slice(4) : source, insensitive ? 'i' : '');
    // V8 compiles on first use: a pattern too large to compile throws only then.
    re.test('');
    return re;
  } catch {
    return undefined;
  }
}

/** SOPS picks the first creation rule whose path_regex matches the path relative to the config's directory. */
export function creationRuleFor(path: string, config: SopsConfig): CreationRule | undefined {
  const rel = config.dir ? path.slice(config.dir.length + 1) : path;
  for (const rule of config.rules) {
    if (!rule.path_regex) return rule;
    if (safeRegex(rule.path_regex)?.test(rel)) return rule;
  }
  return undefined;
}

/** `secrets.sops.yaml`, `app.enc.json`, `prod.sops.env` (but not the `.sops.yaml` config itself). */
export function nameSaysEncrypted(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (isSopsConfigPath(path)) return false;
  return /.\.(?:sops|enc)\.[A-Za-z0-9]{1,10}$/.test(name) || /^\.env\.(?:sops|enc)$/.test(name);
}

/**
 * Whether SOPS encrypts the leaf at `path` (keys from the root), as sops does it: a matching
 * unencrypted suffix or regex on any key of the path leaves it plain; an encrypted suffix or regex,
 * when set, must match some key of the path.
 */
export function shouldEncrypt(path: KeyPath, s: SopsKeySettings): boolean {
  const keys = path.filter((p): p is string => typeof p === 'string');
  let encrypted = true;
  const unencryptedSuffix = s.unencrypted_suffix ?? (s.encrypted_suffix || s.encrypted_regex || s.unencrypted_regex ? undefined : '_unencrypted');
  if (unencryptedSuffix && keys.some((k) => k.endsWith(unencryptedSuffix))) encrypted = false;
  if (s.encrypted_suffix) encrypted = keys.some((k) => k.endsWith(s.encrypted_suffix!));
  if (s.encrypted_regex) {
    const re = safeRegex(s.encrypted_regex);
    encrypted = !!re && keys.some((k) => re.test(k));
  }
  if (s.unencrypted_regex) {
    const re = safeRegex(s.unencrypted_regex);
    if (re && keys.some((k) => re.test(k))) encrypted = false;
  }
  return encrypted;
}

export function isEncryptedValue(v: unknown): boolean {
  return typeof v === 'string' && v.startsWith('ENC[') && v.endsWith(']');
}

/** Key settings recorded in a document's `sops:` metadata (what it was encrypted with). */
export function settingsFromMetadata(meta: Record<string, unknown>): SopsKeySettings {
  return settingsFrom(meta);
}

/** Every scalar leaf of a document except the `sops` metadata, with its key path. */
export function leaves(value: unknown, path: KeyPath = [], out: { path: KeyPath; value: unknown }[] = []): { path: KeyPath; value: unknown }[] {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...path, i], out));
  else if (isObjectLike(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (path.length === 0 && k === 'sops') continue;
      leaves(v, [...path, k], out);
    }
  } else if (value !== null && value !== undefined && value !== '') out.push({ path, value });
  return out;
}

/** Describe the settings for a message: `encrypted_regex ^(data|stringData)$`. */
export function describeSettings(s: SopsKeySettings): string {
  const parts = SETTING_KEYS.filter((k) => s[k]).map((k) => `${k} ${s[k]}`);
  return parts.length ? parts.join(', ') : 'the default (every value)';
}
