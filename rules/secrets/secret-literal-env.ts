import { defineRule } from '../../src/engine/rule.js';
import { findLiteralEnvSecrets } from '../../src/secrets/hits.js';
import { reportHits } from '../../src/secrets/report-hits.js';

export default defineRule({
  id: 'secret-literal-env',
  family: 'secrets',
  severity: 'error',
  securitySeverity: 8.0,
  title: 'Secret-named environment variable with a literal value',
  symptom: 'A password or token sits in the Deployment, ConfigMap or .env file in plain text; `kubectl describe` and every clone of the repository show it',
  why:
    'An env var called PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, ACCESS_KEY or CREDENTIALS holds a credential. ' +
    'Written as `value:` in a pod spec or as ConfigMap data it is stored unencrypted in git and in etcd, shown by ' +
    '`kubectl describe`, and cannot be rotated without a new commit.',
  fix: 'Put the value in a Secret (committed as a SealedSecret, ExternalSecret or SOPS file) and reference it with `valueFrom.secretKeyRef`, or `envFrom.secretRef`. Rotate the value that was committed.',
  example: {
    bad: 'env:\n  - name: DB_PASSWORD\n    value: "s3cr3t-Pa55w0rd"\n',
    good: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: { name: db, key: password }\n',
  },
  peers: { kubeLinter: ['env-var-secret'] },
  notes:
    'Reads every env value kubelint knows (container env, ConfigMap data, .env files, compose and Helm values when ' +
    'their loaders provide them); Dockerfile ENV belongs to dockerfile-secret. Names are matched by whole segments ' +
    '(TOKENIZER is not a token) and settings about a secret are skipped (PASSWORD_MIN_LENGTH, TOKEN_TTL_SECONDS, ' +
    'SECRET_NAME, PASSWORD_FILE, MAX_TOKENS, AWS_ACCESS_KEY_ID). Not reported: empty, templated (`${X}`, `{{ }}`, ' +
    '`$(X)`), placeholder values, file paths and plain URLs, and files named like templates (.env.example, ' +
    '.env.sample, .env.template). Documentation example values are reported at info.',
  check(ws, report) {
    reportHits(findLiteralEnvSecrets(ws), report);
  },
});
