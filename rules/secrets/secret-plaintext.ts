import { defineRule } from '../../src/engine/rule.js';
import { findPlaintextSecrets } from '../../src/secrets/hits.js';
import { reportHits } from '../../src/secrets/report-hits.js';

export default defineRule({
  id: 'secret-plaintext',
  family: 'secrets',
  severity: 'error',
  securitySeverity: 8.5,
  title: 'Kubernetes Secret committed with plaintext values',
  symptom: 'Database passwords and API keys readable by anyone who can clone the repository (and in every fork, CI cache and backup of it)',
  why:
    'A Secret manifest in git is not secret: `data` is only base64-encoded and `stringData` is plain text. ' +
    'Once pushed, the value stays in history even after the file is deleted, so it has to be treated as leaked.',
  fix:
    'Commit an encrypted or referenced form instead: a SealedSecret (kubeseal), an ExternalSecret pointing at a secret ' +
    'manager, or a SOPS-encrypted file. Rotate every value that was committed in plain text.',
  example: {
    bad: 'apiVersion: v1\nkind: Secret\nmetadata: { name: db }\nstringData:\n  password: hunter2-but-longer\n',
    good: 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: { name: db }\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA...\n',
  },
  peers: { gitleaks: ['kubernetes-secret-yaml'] },
  notes:
    '`data` values are base64-decoded before judging. One finding per key, at the key. Not reported: empty values, ' +
    'templated values (`${X}`, `{{ .Values.x }}`, `$(X)`, `<value>`), placeholders (changeme, REPLACE_ME, xxxx...), ' +
    'certificate-only values (tls.crt/ca.crt are public), SOPS-encrypted documents (top-level `sops:` metadata), and ' +
    'the SealedSecret and ExternalSecret kinds. Vendor documentation values (AKIAIOSFODNN7EXAMPLE, anything containing ' +
    '"example") are reported at info. The fingerprint is the rule plus a SHA-256 of the value, never the value.',
  check(ws, report) {
    reportHits(findPlaintextSecrets(ws), report);
  },
});
