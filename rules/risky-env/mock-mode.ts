import { defineRule } from '../../src/engine/rule.js';
import { fileOf, isDeployedSource, isFlagLike, isLocalOrExampleFile, isTruthy, normalizeEnvName, normalizeFlagValue, showAssignment } from './env-flags.js';

const MOCK_VALUES = new Set(['mock', 'mocks', 'mocked', 'fake', 'fakes', 'stub', 'stubs', 'stubbed']);
/** Settings that pick an implementation by name: `PAYMENT_MODE=mock`, `SMS_PROVIDER=fake`. */
const MODE_NAME = /(^|_)(MODE|PROVIDER|BACKEND|DRIVER|ADAPTER|CLIENT|IMPL|IMPLEMENTATION)$/;
/** Switches that turn mocks on: `USE_MOCKS=true`, `PAYMENTS_MOCK=1`, `MOCK_MODE=true`. */
const MOCK_SWITCH = /(^|_)((USE|ENABLE)_(MOCKS?|FAKES?|STUBS?)(_[A-Z0-9_]+)?|(MOCKS?|FAKES?|STUBS?)(_MODE|_ENABLED|_ENABLE)?)$/;

/** True when `name=value` makes the service use a mock implementation. */
export function isMockSetting(name: string, value: string): boolean {
  const n = normalizeEnvName(name);
  if (MODE_NAME.test(n) && MOCK_VALUES.has(normalizeFlagValue(value))) return true;
  return MOCK_SWITCH.test(n) && isTruthy(value);
}

export default defineRule({
  id: 'mock-mode',
  family: 'risky-env',
  severity: 'warning',
  title: 'A deployed service is configured to use mocks',
  symptom: 'the service runs and looks healthy, but payments are not charged, e-mails not sent or data not stored: a mock implementation answers instead of the real one',
  why: 'Switches such as `PAYMENT_MODE=mock` or `USE_MOCKS=true` exist for local development and tests. In a deployed manifest they silently replace a real dependency: no error, no failing probe, only missing side effects discovered by users.',
  fix: 'Remove the setting from deployed configuration or set the real mode; keep mock settings in local files (`.env.local`, `docker-compose.override.yml`) or a dev overlay.',
  example: {
    bad: 'env:\n  - name: PAYMENT_MODE\n    value: mock',
    good: 'env:\n  - name: PAYMENT_MODE\n    value: live',
  },
  notes:
    'Fires on `*_MODE` (and `*_PROVIDER`, `*_BACKEND`, `*_DRIVER`, `*_CLIENT`) set to mock, fake or stub, and on `USE_MOCKS`/`*_MOCK`/`MOCK_MODE` switches set to true. Only deployed configuration counts: container env, ConfigMaps, Secrets, Helm values and docker-compose files; `.env` files and Dockerfile ENV are local defaults and are not reported, nor are files in `dev`/`local`/`test` folders or named like `*.local`, `*.example`, `docker-compose.override.yml`.',
  check(ws, report) {
    for (const ev of ws.envValues) {
      if (!isDeployedSource(ev) || !isFlagLike(ev) || isLocalOrExampleFile(fileOf(ev))) continue;
      if (!isMockSetting(ev.name, ev.value)) continue;
      report({ at: ev.at, path: ev.path, message: `${showAssignment(ev)}: the service uses a mock instead of the real implementation` });
    }
  },
});
