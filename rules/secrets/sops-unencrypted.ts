import { defineRule, type Report } from '../../src/engine/rule.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import type { YamlDocUnit } from '../../src/workspace/types.js';
import type { EnvFileUnit } from '../../src/sources/envfile.js';
import { isObjectLike } from '../../src/workspace/objects.js';
import { formatKeyPath } from '../../src/util/keypath.js';
import {
  configFor, creationRuleFor, describeSettings, isEncryptedValue, isSopsConfigPath, leaves, nameSaysEncrypted,
  parseSopsConfig, settingsFromMetadata, shouldEncrypt, type CreationRule, type SopsConfig, type SopsKeySettings,
} from '../../src/secrets/sops.js';

/** Why a file must be encrypted: its creation rule, or its name. */
interface Requirement {
  reason: string;
  settings: SopsKeySettings;
}

function requirementFor(path: string, configs: SopsConfig[]): Requirement | undefined {
  const config = configFor(path, configs);
  const rule: CreationRule | undefined = config ? creationRuleFor(path, config) : undefined;
  if (config && rule?.path_regex) {
    return { reason: `${config.path} creation_rules[${rule.index}] (path_regex ${rule.path_regex})`, settings: rule };
  }
  if (nameSaysEncrypted(path)) return { reason: 'its name (*.sops.* / *.enc.*)', settings: rule ?? {} };
  return undefined;
}

function checkYaml(doc: YamlDocUnit, req: Requirement | undefined, report: Report): void {
  const value = doc.value;
  if (!isObjectLike(value)) return;
  const meta = isObjectLike(value.sops) ? value.sops : undefined;
  if (!meta && !req) return;
  const settings = meta ? { ...req?.settings, ...settingsFromMetadata(meta) } : req?.settings ?? {};
  if (settings.comment_driven && meta) return;
  const plain = leaves(value).filter((l) => shouldEncrypt(l.path, settings) && !isEncryptedValue(l.value));
  if (!meta) {
    if (!req || plain.length === 0) return;
    report({
      at: { unit: doc, basePath: [] },
      path: plain[0].path,
      target: 'key',
      message: `${doc.file.path} must be SOPS-encrypted according to ${req.reason}, but it has no sops metadata: ${plain.length} value(s) are committed in plain text`,
    });
    return;
  }
  for (const leaf of plain) {
    report({
      at: { unit: doc, basePath: [] },
      path: leaf.path,
      target: 'key',
      message: `${formatKeyPath(leaf.path)} is plain text in a SOPS-encrypted file; with ${describeSettings(settings)} it should be ENC[...] (added after encryption, so it was never encrypted)`,
    });
  }
}

function checkEnv(unit: EnvFileUnit, req: Requirement | undefined, report: Report): void {
  const meta = unit.entries.filter((e) => e.key.startsWith('sops_'));
  if (!meta.length && !req) return;
  const values = unit.entries.filter((e) => !e.key.startsWith('sops_'));
  const metaSettings: Record<string, unknown> = Object.fromEntries(meta.map((e) => [e.key.slice(5), e.value]));
  const settings = meta.length ? { ...req?.settings, ...settingsFromMetadata(metaSettings) } : req?.settings ?? {};
  const plain = values.filter((e) => e.value !== '' && shouldEncrypt([e.key], settings) && !isEncryptedValue(e.value));
  if (!meta.length) {
    if (!req || plain.length === 0) return;
    report({
      at: { unit, basePath: [] },
      path: [plain[0].key],
      target: 'key',
      message: `${unit.file.path} must be SOPS-encrypted according to ${req.reason}, but it has no sops metadata: ${plain.length} value(s) are committed in plain text`,
    });
    return;
  }
  for (const e of plain) {
    report({
      at: { unit, basePath: [] },
      path: [e.key],
      target: 'key',
      message: `${e.key} is plain text in a SOPS-encrypted file; with ${describeSettings(settings)} it should be ENC[...] (added after encryption, so it was never encrypted)`,
    });
  }
}

function sopsConfigs(ws: Workspace): SopsConfig[] {
  return ws.memo('secrets:sops-configs', () =>
    ws.files.filter((f) => isSopsConfigPath(f.path)).map(parseSopsConfig).filter((c): c is SopsConfig => !!c),
  );
}

export default defineRule({
  id: 'sops-unencrypted',
  family: 'secrets',
  severity: 'error',
  securitySeverity: 8.0,
  title: 'File that SOPS should encrypt is committed in plain text',
  symptom: 'secrets.enc.yaml (or a file matched by .sops.yaml) is pushed decrypted, or a key was added to an encrypted file in plain text; `sops -d` then fails with "MAC mismatch"',
  why:
    'Teams rely on `.sops.yaml` and the `*.sops.*`/`*.enc.*` naming to know a file is safe to commit. A file that was ' +
    'decrypted in place (`sops -d -i`) and committed, or edited without sops, puts the secrets in git in plain text ' +
    'while everyone believes they are encrypted.',
  fix: 'Encrypt the file with `sops -e -i FILE` (or edit it with `sops FILE` so new keys are encrypted), then rotate the values that were committed in plain text.',
  example: {
    bad: '# secrets.enc.yaml\napiVersion: v1\nkind: Secret\nmetadata: { name: db }\nstringData:\n  password: hunter2\n',
    good: '# secrets.enc.yaml\n...\nstringData:\n  password: ENC[AES256_GCM,data:...,type:str]\nsops:\n  age: [...]\n  mac: ENC[...]\n',
  },
  notes:
    'A file must be encrypted when the first matching creation rule of the nearest `.sops.yaml` (among the scanned ' +
    'files; path_regex matched against the path relative to that .sops.yaml, as sops does) has an explicit ' +
    'path_regex, or when its name is `*.sops.*`/`*.enc.*`. A catch-all rule without path_regex only says which keys ' +
    'to use, so it alone does not require encryption. Which values must be ENC[...] follows encrypted_regex, ' +
    'unencrypted_regex, encrypted_suffix and unencrypted_suffix (from the file\'s own sops metadata when present, ' +
    'else from the creation rule). Files using comment-based selection are only checked for missing metadata. ' +
    'YAML, JSON and dotenv files are checked.',
  check(ws, report) {
    const configs = sopsConfigs(ws);
    for (const doc of ws.yamlDocs) {
      if (isSopsConfigPath(doc.file.path)) continue;
      checkYaml(doc, requirementFor(doc.file.path, configs), report);
    }
    for (const unit of ws.unitsOf<EnvFileUnit>('env')) {
      checkEnv(unit, requirementFor(unit.file.path, configs), report);
    }
  },
});
