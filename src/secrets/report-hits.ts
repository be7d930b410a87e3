// Turn secret hits into rule reports: redacted message, fingerprint from the secret's hash.
import type { Report } from '../engine/rule.js';
import type { SecretHit } from './hits.js';
import { secretFingerprintKey } from './redact.js';

export function reportHits(hits: SecretHit[], report: Report): void {
  for (const hit of hits) {
    report({
      at: hit.at,
      path: hit.path,
      target: hit.target,
      span: hit.span,
      message: hit.message,
      fix: hit.fix,
      severity: hit.severity,
      resource: hit.resource,
      fingerprintKey: secretFingerprintKey(hit.ruleId, hit.secret),
    });
  }
}
