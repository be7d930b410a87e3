import { defineRule } from '../../src/engine/rule.js';
// secret-pattern scans every file as text: make sure the text loader is registered.
import '../../src/secrets/text-unit.js';
import { findPatternSecrets } from '../../src/secrets/hits.js';
import { reportHits } from '../../src/secrets/report-hits.js';
import { DETECTORS } from '../../src/secrets/detectors.js';

export default defineRule({
  id: 'secret-pattern',
  family: 'secrets',
  severity: 'error',
  securitySeverity: 9.0,
  title: 'Credential in a scanned file',
  symptom: 'A private key, cloud key or API token is readable by anyone with access to the repository; attackers scan public and leaked repositories for these formats within minutes',
  why:
    'Credentials with a recognisable format (private key blocks, AWS/GCP/Azure keys, GitHub/GitLab/Slack/OpenAI/' +
    'Anthropic/Stripe/Twilio/SendGrid/npm/PyPI tokens, age keys, JWTs, passwords in URLs and connection strings) are ' +
    'found by automated scanners as soon as a repository leaks, and stay in git history after deletion.',
  fix: 'Remove the credential from the file, load it at run time from a Secret or secret manager, and rotate it. If it was ever pushed, also rewrite history (see git-history-secret).',
  example: {
    bad: 'aws_access_key_id = AKIA…(16 more)\naws_secret_access_key = …(40 chars)\n',
    good: '# credentials come from the pod identity (IRSA / workload identity); nothing in the file\n',
  },
  peers: { gitleaks: DETECTORS.map((d) => d.id) },
  notes:
    `Detectors: ${DETECTORS.map((d) => d.id).join(', ')}. Each runs only when one of its keywords occurs in the ` +
    'file (cheap substring prefilter) and uses bounded regular expressions. The generic detector reports a value ' +
    'under a secret-named key only when it looks random (8+ characters, 3+ bits of entropy per character, two ' +
    'character classes) and is not code (`config.get`, `process.env.X`). Not reported: templated values (`${X}`, ' +
    '`{{ }}`, `$(X)`, `<token>`), placeholders (xxxx, changeme, `...`), key blocks without key material, and values ' +
    'that secret-plaintext, secret-literal-env or dockerfile-secret already judge (one secret, one finding); a ' +
    'password inside a URL held by an env var belongs to dsn-embedded-password. Vendor documentation examples ' +
    '(AKIAIOSFODNN7EXAMPLE, the jwt.io sample token, values containing "example") are reported at info; filler ' +
    'examples such as the Slack `T00000000/B00000000/XXXX` URL are not reported.',
  check(ws, report) {
    reportHits(findPatternSecrets(ws), report);
  },
});
