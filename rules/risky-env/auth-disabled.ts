import { defineRule } from '../../src/engine/rule.js';
import { fileOf, isFalsy, isFlagLike, isLocalOrExampleFile, isTruthy, normalizeEnvName, normalizeFlagValue, showAssignment } from './env-flags.js';

type Guard = 'auth' | 'tls';
interface FlagPattern {
  re: RegExp;
  /** The value that switches the guard off. */
  offWhen: 'true' | 'false';
  guard: Guard;
}

const AUTH = '(AUTH|AUTHN|AUTHENTICATION|AUTHORIZATION|AUTHZ|JWT|JWT_AUTH|JWT_VERIFICATION|TOKEN_VERIFICATION)';
const TLS = '(TLS|SSL|CERT|CERTS|CERTIFICATE|CERTIFICATES)';

const FLAGS: FlagPattern[] = [
  // Switches that disable when true.
  { re: new RegExp(`(^|_)(DISABLE|SKIP|NO|BYPASS)_${AUTH}$`), offWhen: 'true', guard: 'auth' },
  { re: new RegExp(`(^|_)${AUTH}_(DISABLED|SKIP|SKIPPED|BYPASS|BYPASSED)$`), offWhen: 'true', guard: 'auth' },
  { re: /(^|_)ALLOW_EMPTY_PASSWORD$/, offWhen: 'true', guard: 'auth' },
  { re: /(^|_)ALLOW_ANONYMOUS(_LOGIN|_ACCESS)?$/, offWhen: 'true', guard: 'auth' },
  { re: /(^|_)ANONYMOUS_(AUTH_|ACCESS_)?ENABLED$/, offWhen: 'true', guard: 'auth' },
  { re: /(^|_)SECURITY_DISABLED$/, offWhen: 'true', guard: 'auth' },
  { re: /(^|_)DISABLE_SECURITY(_PLUGIN)?$/, offWhen: 'true', guard: 'auth' },
  { re: /INSECURE_SKIP_(TLS_)?VERIFY$/, offWhen: 'true', guard: 'tls' },
  { re: new RegExp(`(^|_)(SKIP|DISABLE|NO)_${TLS}_(VERIFY|VERIFICATION|CHECK|VALIDATION)$`), offWhen: 'true', guard: 'tls' },
  { re: new RegExp(`(^|_)${TLS}_(SKIP|NO)_(VERIFY|VERIFICATION)$`), offWhen: 'true', guard: 'tls' },
  { re: /(^|_)(TLS|SSL)_INSECURE$/, offWhen: 'true', guard: 'tls' },
  { re: /(^|_)(SKIP|DISABLE|NO)_VERIFY_(TLS|SSL|CERTS?|CERTIFICATES?)$/, offWhen: 'true', guard: 'tls' },
  // Switches that disable when false (or 0).
  { re: /USE_JWT_AUTH$/, offWhen: 'false', guard: 'auth' },
  { re: new RegExp(`(^|_)(USE|ENABLE|REQUIRE)_${AUTH}$`), offWhen: 'false', guard: 'auth' },
  { re: new RegExp(`(^|_)${AUTH}_(ENABLED|ENABLE|REQUIRED|ON)$`), offWhen: 'false', guard: 'auth' },
  { re: /(^|_)(VERIFY|VALIDATE)_(JWT|TOKEN|SIGNATURE)$/, offWhen: 'false', guard: 'auth' },
  { re: /(^|_)(JWT|TOKEN)_(VERIFY|VERIFICATION|VALIDATION)(_ENABLED)?$/, offWhen: 'false', guard: 'auth' },
  { re: /(^|_)SECURITY_ENABLED$/, offWhen: 'false', guard: 'auth' },
  { re: /VERIFY_SSL$/, offWhen: 'false', guard: 'tls' },
  { re: new RegExp(`(^|_)(VERIFY|VALIDATE)_(${TLS.slice(1, -1)}|HOSTNAME)$`), offWhen: 'false', guard: 'tls' },
  { re: new RegExp(`(^|_)${TLS}_(VERIFY|VERIFICATION|VALIDATION)(_ENABLED)?$`), offWhen: 'false', guard: 'tls' },
  { re: /(^|_)REJECT_UNAUTHORIZED$/, offWhen: 'false', guard: 'tls' },
  { re: /^PYTHONHTTPSVERIFY$/, offWhen: 'false', guard: 'tls' },
];

/** Mode settings whose value selects no authentication at all (`AUTH_TYPE=none`, `POSTGRES_HOST_AUTH_METHOD=trust`). */
const AUTH_MODE = /(^|_)AUTH(ENTICATION)?_(MODE|TYPE|METHOD|STRATEGY)$/;
const NO_AUTH_MODES = new Set(['none', 'disabled', 'off', 'noauth', 'no-auth', 'no_auth', 'trust', 'anonymous']);

/** Which guard `name=value` switches off, or undefined when it does not. */
export function disabledGuard(name: string, value: string): Guard | undefined {
  const n = normalizeEnvName(name);
  const flag = FLAGS.find((f) => f.re.test(n));
  if (flag) return (flag.offWhen === 'true' ? isTruthy(value) : isFalsy(value)) ? flag.guard : undefined;
  if (AUTH_MODE.test(n) && NO_AUTH_MODES.has(normalizeFlagValue(value))) return 'auth';
  return undefined;
}

const CONSEQUENCE: Record<Guard, string> = {
  auth: 'authentication is off, anyone who reaches the service is let in',
  tls: 'TLS certificates are not verified, any server (or man in the middle) is trusted',
};

export default defineRule({
  id: 'auth-disabled',
  family: 'risky-env',
  severity: 'warning',
  title: 'A setting turns authentication or TLS verification off',
  symptom: 'a debugging shortcut reaches production: the API answers anyone without a token, or every outgoing TLS connection accepts any certificate (man-in-the-middle)',
  why: 'Flags like `DISABLE_AUTH=true`, `USE_JWT_AUTH=false`, `VERIFY_SSL=false` or `NODE_TLS_REJECT_UNAUTHORIZED=0` are added to get past a local problem (a self-signed certificate, a missing identity provider) and then copied into shared configuration. Nothing fails afterwards, so nobody notices that the service no longer checks who calls it or whom it talks to.',
  fix: 'Remove the flag (or set it to its secure value). For private certificate authorities, mount the CA bundle and point the client at it (`NODE_EXTRA_CA_CERTS`, `REQUESTS_CA_BUNDLE`, `SSL_CERT_FILE`) instead of turning verification off.',
  example: {
    bad: 'env:\n  - name: USE_JWT_AUTH\n    value: "false"\n  - name: NODE_TLS_REJECT_UNAUTHORIZED\n    value: "0"',
    good: 'env:\n  - name: USE_JWT_AUTH\n    value: "true"\n  - name: NODE_EXTRA_CA_CERTS\n    value: /etc/ssl/internal/ca.crt',
  },
  notes:
    'Reads env values from every source (container env, ConfigMaps, Secrets, Helm values, docker-compose, .env files, Dockerfile ENV); names are compared in UPPER_SNAKE form, so `verifySsl` counts as `VERIFY_SSL`. Besides the flags above it knows `*_AUTH_ENABLED=false`, `*_TLS_VERIFY=false`, `*_INSECURE_SKIP_VERIFY=true`, `ALLOW_EMPTY_PASSWORD=yes`, `PYTHONHTTPSVERIFY=0` and `*_AUTH_METHOD=trust|none`. Files meant for local development or tests are skipped: a `dev`/`local`/`test` folder, or names like `.env.local`, `.env.example`, `docker-compose.override.yml`. Not reported: `AUTH_ENABLED=true`, `OTEL_EXPORTER_OTLP_INSECURE=true` (plaintext to a collector, no verification involved).',
  check(ws, report) {
    for (const ev of ws.envValues) {
      if (!isFlagLike(ev) || isLocalOrExampleFile(fileOf(ev))) continue;
      const guard = disabledGuard(ev.name, ev.value);
      if (!guard) continue;
      report({ at: ev.at, path: ev.path, message: `${showAssignment(ev)}: ${CONSEQUENCE[guard]}` });
    }
  },
});
