// Kubernetes objects that carry secrets: plain Secrets (judged), and the encrypted or referenced
// forms that are fine (SealedSecret, ExternalSecret, SOPS-encrypted documents).
import type { K8sObject } from '../workspace/types.js';
import { isObjectLike } from '../workspace/objects.js';
import { isSecretName, judgeSecretValue, type ValueJudgement } from './names.js';
import { scanText } from './scan-text.js';
import { findPemKeys, judgeKeyBlock } from './private-keys.js';

/** A document SOPS encrypted carries a top-level `sops:` map (mac, lastmodified, recipients). */
export function hasSopsMetadata(doc: unknown): boolean {
  return isObjectLike(doc) && isObjectLike(doc.sops) && ('mac' in doc.sops || 'lastmodified' in doc.sops || 'version' in doc.sops);
}

export function isSopsEncryptedObject(obj: K8sObject): boolean {
  return hasSopsMetadata(obj.unit.value) || hasSopsMetadata(obj.obj);
}

/** Decode a Secret `data` value; undefined when it is not valid base64. */
export function decodeSecretData(raw: string): string | undefined {
  const compact = raw.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return undefined;
  return Buffer.from(compact, 'base64').toString('utf8');
}

/** Certificates are public: a value holding only CERTIFICATE blocks is not a secret. */
function isOnlyCertificates(value: string): boolean {
  return /-----BEGIN CERTIFICATE-----/.test(value) && !/PRIVATE KEY/.test(value);
}

/** `key: value` / `key = value` lines of a config file, for secret-named keys. */
const CONFIG_LINE = /^[ \t]*["']?([A-Za-z_][A-Za-z0-9_.-]{0,80})["']?[ \t]{0,10}[:=][ \t]{0,10}["']?([^"'\s#,]{1,300})/;

/**
 * A whole file held in a Secret (grafana.ini, alertmanager.yaml) counts as a secret when it holds
 * one: a recognised credential format, or a secret-named key with a real value.
 */
function configFileHoldsSecret(value: string): ValueJudgement {
  if (scanText(value).some((m) => m.judgement === 'real')) return 'real';
  let example = false;
  for (const line of value.split('\n')) {
    const m = CONFIG_LINE.exec(line);
    if (!m || !isSecretName(m[1])) continue;
    const judgement = judgeSecretValue(m[2]);
    if (judgement === 'real') return 'real';
    if (judgement === 'example') example = true;
  }
  return example ? 'example' : 'placeholder';
}

/** Judge a value held by a Secret: key blocks by their body, certificates are public, files by their content. */
export function judgeSecretObjectValue(value: string): ValueJudgement {
  if (isOnlyCertificates(value)) return 'reference';
  const keys = findPemKeys(value);
  if (keys.length) return judgeKeyBlock(keys[0].text);
  if (value.trim().includes('\n')) return configFileHoldsSecret(value);
  return judgeSecretValue(value);
}

export interface SecretEntry {
  field: 'data' | 'stringData';
  key: string;
  /** The plain value (decoded for `data`). */
  value: string;
  /** `data` value that is not valid base64: judged as written. */
  invalidBase64: boolean;
}

/** Every data/stringData entry of a Secret object, decoded. Non-scalar values are skipped. */
export function secretEntries(obj: K8sObject): SecretEntry[] {
  const out: SecretEntry[] = [];
  for (const field of ['data', 'stringData'] as const) {
    const map = obj.obj[field];
    if (!isObjectLike(map)) continue;
    for (const [key, raw] of Object.entries(map)) {
      if (raw == null || typeof raw === 'object') continue;
      const text = String(raw);
      if (field === 'stringData') {
        out.push({ field, key, value: text, invalidBase64: false });
        continue;
      }
      const decoded = decodeSecretData(text);
      out.push({ field, key, value: decoded ?? text, invalidBase64: decoded === undefined });
    }
  }
  return out;
}

/** Keys a Secret-producing object will hold, or undefined when they cannot be known from the manifest. */
export function providedSecretKeys(obj: K8sObject): Set<string> | undefined {
  const spec = isObjectLike(obj.obj.spec) ? obj.obj.spec : {};
  switch (obj.kind) {
    case 'Secret':
      return new Set([...Object.keys(isObjectLike(obj.obj.data) ? obj.obj.data : {}), ...Object.keys(isObjectLike(obj.obj.stringData) ? obj.obj.stringData : {})]);
    case 'SealedSecret': {
      const template = isObjectLike(spec.template) ? spec.template : {};
      return new Set([...Object.keys(isObjectLike(spec.encryptedData) ? spec.encryptedData : {}), ...Object.keys(isObjectLike(template.data) ? template.data : {})]);
    }
    case 'ExternalSecret': {
      // dataFrom and templates produce keys we cannot see here.
      const target = isObjectLike(spec.target) ? spec.target : {};
      if (Array.isArray(spec.dataFrom) && spec.dataFrom.length) return undefined;
      if (isObjectLike(target.template)) return undefined;
      if (!Array.isArray(spec.data)) return undefined;
      return new Set(spec.data.filter(isObjectLike).map((d: any) => String(d.secretKey)));
    }
    case 'ConfigMap':
      return new Set([...Object.keys(isObjectLike(obj.obj.data) ? obj.obj.data : {}), ...Object.keys(isObjectLike(obj.obj.binaryData) ? obj.obj.binaryData : {})]);
    default:
      return undefined;
  }
}

/** The Secret name an object produces: its own name, or an ExternalSecret's `spec.target.name`. */
export function producedSecretName(obj: K8sObject): string {
  if (obj.kind === 'ExternalSecret') {
    const target = obj.obj.spec?.target;
    if (isObjectLike(target) && typeof target.name === 'string' && target.name) return target.name;
  }
  if (obj.kind === 'SealedSecret') {
    const name = obj.obj.spec?.template?.metadata?.name;
    if (typeof name === 'string' && name) return name;
  }
  return obj.name;
}

export const SECRET_PRODUCER_KINDS = ['Secret', 'SealedSecret', 'ExternalSecret'];
