import { defineRule } from '../../src/engine/rule.js';
import { envDsns } from '../../src/dsn/env-dsns.js';
import { redact } from '../../src/dsn/redact.js';
import { judgeSecretValue } from '../../src/secrets/names.js';
import type { EnvValue } from '../../src/workspace/types.js';

/** `.env.example`, `.env.sample`, `.env.template`, `.env.dist`: templates meant to be committed. */
const TEMPLATE_FILE = /(^|\/)[^/]*\.(example|sample|template|tmpl|dist)$/i;

function howToFix(ev: EnvValue): string {
  switch (ev.source) {
    case 'container':
      return 'put the password in a Secret, expose it as DB_PASSWORD with valueFrom.secretKeyRef (declared before this variable) and write `$(DB_PASSWORD)` in its place';
    case 'configmap':
      return 'move this connection string into a Secret and consume it with secretKeyRef or envFrom.secretRef';
    case 'compose':
      return 'write `${DB_PASSWORD}` in its place and keep the value in an uncommitted .env file or a compose secret';
    case 'dockerfile':
      return 'do not bake credentials into the image: pass the connection string at run time (a Kubernetes Secret)';
    default:
      return 'keep the password out of the repository (a Secret, or a `${DB_PASSWORD}` reference) and rotate the committed one';
  }
}

export default defineRule({
  id: 'dsn-embedded-password',
  family: 'dsn',
  severity: 'error',
  securitySeverity: 7.5,
  title: 'Connection string with a literal password',
  symptom: 'The database password is readable by everyone with access to the repository, its history, `kubectl describe` and the image layers',
  why:
    'A password written into a connection string in a manifest, ConfigMap, compose file, .env file or Dockerfile is committed in plain text, ' +
    'copied into every clone and CI log, and cannot be rotated without a commit. ConfigMaps are not encrypted and are readable with far fewer permissions than Secrets.',
  fix: 'Reference the password instead (`postgresql://app:$(DB_PASSWORD)@db/app` with DB_PASSWORD from a Secret, or `${DB_PASSWORD}` in compose) and rotate the password that was committed.',
  example: {
    bad: 'env:\n  - name: DATABASE_URL\n    value: postgresql://app:Xk82-pLm3@db:5432/app',
    good: 'env:\n  - name: DB_PASSWORD\n    valueFrom: { secretKeyRef: { name: db, key: password } }\n  - name: DATABASE_URL\n    value: postgresql://app:$(DB_PASSWORD)@db:5432/app',
  },
  peers: { gitleaks: ['generic-api-key'] },
  notes: 'Passwords that are references (`$(VAR)`, `${VAR}`, `{{ }}`) or placeholders (`changeme`, `<password>`, `xxxx`) are not reported, nor are files named like templates (.env.example).',
  check(ws, report) {
    for (const { ev, dsn } of envDsns(ws)) {
      if (ev.source === 'secret' || TEMPLATE_FILE.test(ev.at.unit.file.path)) continue;
      const pw = dsn.password;
      if (!pw || pw.text === '' || pw.templated) continue;
      let plain = pw.text;
      try {
        plain = decodeURIComponent(pw.text);
      } catch {
        // Keep the raw text: dsn-password-unencoded reports the broken encoding.
      }
      if (judgeSecretValue(plain) !== 'real') continue;
      report({
        at: ev.at,
        path: ev.path,
        message: `${ev.name} holds the literal password ${redact(plain)} in its connection string: ${howToFix(ev)}`,
      });
    }
  },
});
