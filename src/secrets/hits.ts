// What the working-tree secret rules find, as plain data with the secret attached. The rules
// turn hits into reports (redacted message, hashed fingerprint); git history runs the same
// finders over past blobs, so a secret is judged the same way in the tree and in history.
import type { KeyPath, Locatable, ResourceRef, Severity, Span } from '../model.js';
import type { Workspace } from '../workspace/workspace.js';
import type { EnvValue } from '../workspace/types.js';
import { isObjectLike } from '../workspace/objects.js';
import { isNonSecretKey, isSecretName, judgeSecretValue } from './names.js';
import { redact } from './redact.js';
import { isSopsEncryptedObject, judgeSecretObjectValue, secretEntries } from './k8s.js';
import { scanFileText, scanText } from './scan-text.js';
import type { TextUnit } from './text-unit.js';

export type SecretRuleId = 'secret-plaintext' | 'secret-literal-env' | 'secret-pattern';

export interface SecretHit {
  ruleId: SecretRuleId;
  at: Locatable;
  path?: KeyPath;
  target?: 'key' | 'value';
  span?: Span;
  /** The secret in full: only ever hashed or redacted, never printed. */
  secret: string;
  message: string;
  fix?: string;
  /** 'info' for documentation example values; otherwise the rule's default. */
  severity?: Severity;
  resource?: ResourceRef;
}

const EXAMPLE_NOTE = ' (a published documentation example value, reported as info)';

/** `kind: Secret` data/stringData values that are real: one hit per key, at the key. */
export function findPlaintextSecrets(ws: Workspace): SecretHit[] {
  return ws.memo('secrets:plaintext', () => {
    const out: SecretHit[] = [];
    for (const obj of ws.ofKind('Secret')) {
      if (isSopsEncryptedObject(obj)) continue;
      for (const entry of secretEntries(obj)) {
        // `username: app` travels with the password but is not the secret; a known format there still counts.
        if (isNonSecretKey(entry.key) && scanText(entry.value).length === 0) continue;
        const judgement = judgeSecretObjectValue(entry.value);
        if (judgement !== 'real' && judgement !== 'example') continue;
        const example = judgement === 'example';
        out.push({
          ruleId: 'secret-plaintext',
          at: obj,
          path: [entry.field, entry.key],
          target: 'key',
          secret: entry.value,
          severity: example ? 'info' : undefined,
          resource: obj.ref,
          message:
            `Secret "${obj.name}" holds a plaintext value in ${entry.field}.${entry.key} ("${redact(entry.value)}")` +
            `${entry.field === 'data' ? (entry.invalidBase64 ? ', and it is not even valid base64' : ', base64 is an encoding, not encryption') : ''}` +
            `${example ? EXAMPLE_NOTE : ''}`,
          fix: 'Commit a SealedSecret, an ExternalSecret or a SOPS-encrypted file instead, and rotate this value: it is already readable by everyone with access to the repository.',
        });
      }
    }
    return out;
  });
}

/** Example and template files (.env.example, values.sample.yaml) document settings; their values are not deployed. */
export function isTemplateEnvFile(path: string): boolean {
  return /(?:^|[/.])(?:example|sample|template|dist|tmpl|tpl|defaults?)(?:\.|$)/i.test(path.slice(path.lastIndexOf('/') + 1));
}

/** Env sources whose secrets other rules own: dockerfile-secret (Dockerfile ENV), secret-plaintext (Secret data). */
const ENV_SOURCES_OWNED_ELSEWHERE = new Set(['dockerfile', 'secret']);

/** Secret-named env values that secret-literal-env judges (whether or not they turn out real). */
function judgedEnvValues(ws: Workspace): EnvValue[] {
  return ws.memo('secrets:judged-env', () =>
    ws.envValues.filter(
      (ev) => !ENV_SOURCES_OWNED_ELSEWHERE.has(ev.source) && isSecretName(ev.name) && !isTemplateEnvFile(ev.at.unit.file.path),
    ),
  );
}

const ENV_FIX: Record<string, string> = {
  container: 'Move the value into a Secret (SealedSecret/ExternalSecret/SOPS in git) and reference it with env[].valueFrom.secretKeyRef, then rotate it.',
  configmap: 'ConfigMaps are not for secrets: move this key into a Secret (SealedSecret/ExternalSecret/SOPS in git), reference it with secretKeyRef, then rotate it.',
  envfile: 'Keep .env files with real values out of git (add them to .gitignore, commit a .env.example with placeholders), then rotate the value.',
};

/** Env vars whose name says secret and whose value is a literal. */
export function findLiteralEnvSecrets(ws: Workspace): SecretHit[] {
  return ws.memo('secrets:literal-env', () => {
    const out: SecretHit[] = [];
    for (const ev of judgedEnvValues(ws)) {
      const judgement = judgeSecretValue(ev.value);
      if (judgement !== 'real' && judgement !== 'example') continue;
      const example = judgement === 'example';
      const where = ev.source === 'container' && ev.container ? ` in container "${ev.container.name}"` : ev.source === 'configmap' && ev.object ? ` in ConfigMap "${ev.object.name}"` : '';
      out.push({
        ruleId: 'secret-literal-env',
        at: ev.at,
        path: ev.path,
        target: 'value',
        secret: ev.value,
        severity: example ? 'info' : undefined,
        resource: ev.object?.ref,
        message: `${ev.name}${where} is set to a literal secret ("${redact(ev.value)}") instead of a reference to a Secret${example ? EXAMPLE_NOTE : ''}`,
        fix: ENV_FIX[ev.source] ?? ENV_FIX.container,
      });
    }
    return out;
  });
}

interface Claim {
  at: Locatable;
  path: KeyPath;
}

/**
 * Values that a structured secret rule already judges, by file: Secret data and SealedSecret
 * ciphertext, secret-named env values (secret-literal-env, dockerfile-secret). secret-pattern stays
 * silent inside them so one secret is one finding. Positions are resolved only for files where a
 * text detector matched (locating costs a position-keeping parse).
 */
function claims(ws: Workspace): Map<string, Claim[]> {
  return ws.memo('secrets:claims', () => {
    const byFile = new Map<string, Claim[]>();
    const claim = (at: Locatable, path: KeyPath) => {
      const list = byFile.get(at.unit.file.path) ?? [];
      list.push({ at, path });
      byFile.set(at.unit.file.path, list);
    };
    for (const obj of ws.ofKind('Secret')) {
      for (const field of ['data', 'stringData']) {
        const map = obj.obj[field];
        if (isObjectLike(map)) for (const key of Object.keys(map)) claim(obj, [field, key]);
      }
    }
    for (const obj of ws.ofKind('SealedSecret')) {
      for (const path of [['spec', 'encryptedData'], ['spec', 'template', 'data']]) {
        const map = path.reduce<any>((v, k) => (isObjectLike(v) ? v[k] : undefined), obj.obj);
        if (isObjectLike(map)) for (const key of Object.keys(map)) claim(obj, [...path, key]);
      }
    }
    for (const ev of judgedEnvValues(ws)) claim(ev.at, ev.path);
    for (const ev of ws.envValues) if (ev.source === 'dockerfile' && isSecretName(ev.name)) claim(ev.at, ev.path);
    return byFile;
  });
}

/** Every env value, by file: passwords in connection strings there belong to dsn-embedded-password. */
function envClaims(ws: Workspace): Map<string, Claim[]> {
  return ws.memo('secrets:env-claims', () => {
    const byFile = new Map<string, Claim[]>();
    for (const ev of ws.envValues) {
      const list = byFile.get(ev.at.unit.file.path) ?? [];
      list.push({ at: ev.at, path: ev.path });
      byFile.set(ev.at.unit.file.path, list);
    }
    return byFile;
  });
}

function spansOf(list: Claim[] | undefined): Span[] {
  return (list ?? []).map((c) => c.at.unit.locate([...c.at.basePath, ...c.path], 'value')).filter((s) => s.end > s.start);
}

const overlaps = (spans: Span[], s: Span): boolean => spans.some((c) => c.start < s.end && s.start < c.end);

/** Detectors of passwords in connection strings: inside env values, dsn-embedded-password reports them. */
const OWNED_BY_DSN_RULES = new Set(['url-credentials', 'connection-string-password']);

/** Known credential formats and high-entropy secret-named values in every text file. */
export function findPatternSecrets(ws: Workspace): SecretHit[] {
  return ws.memo('secrets:pattern', () => {
    const out: SecretHit[] = [];
    for (const unit of ws.unitsOf<TextUnit>('text')) {
      const file = unit.file;
      // (scanFileText skips binary text itself; asking here would read a released text again.)
      const matches = scanFileText(file);
      if (!matches.length) continue;
      const template = isTemplateEnvFile(file.path);
      const claimed = spansOf(claims(ws).get(file.path));
      const envSpans = spansOf(envClaims(ws).get(file.path));
      for (const m of matches) {
        // Sample files hold sample values: only a recognisable credential format counts there.
        if (template && m.detector.generic) continue;
        const span = { start: m.start, end: m.end };
        if (overlaps(claimed, span)) continue;
        if (OWNED_BY_DSN_RULES.has(m.detector.id) && overlaps(envSpans, span)) continue;
        const example = m.judgement === 'example';
        out.push({
          ruleId: 'secret-pattern',
          at: { unit, basePath: [] },
          span,
          secret: m.secret,
          severity: example ? 'info' : undefined,
          message: `${capitalise(m.detector.title)}${m.detail ? ` (${m.detail})` : ''} in plain text: "${redact(m.secret)}"${example ? EXAMPLE_NOTE : ''} [${m.detector.id}]`,
          fix: 'Remove the credential from the file, load it at run time from a Secret or a secret manager, and rotate it: it is already readable by everyone with access to the repository.',
        });
      }
    }
    return out;
  });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Everything the three working-tree secret rules find (what git history scans past blobs for). */
export function findAllSecretHits(ws: Workspace): SecretHit[] {
  return [...findPlaintextSecrets(ws), ...findLiteralEnvSecrets(ws), ...findPatternSecrets(ws)];
}
