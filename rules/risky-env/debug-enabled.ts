import { defineRule } from '../../src/engine/rule.js';
import { fileOf, isDeployedSource, isFlagLike, isLocalOrExampleFile, isTruthy, normalizeEnvName, normalizeFlagValue, showAssignment } from './env-flags.js';

const LOG_LEVEL = /(^|_)(LOG_?LEVEL|LOGGING_LEVEL|LOG_LVL)(_[A-Z0-9_]+)?$/;
const VERBOSE_LEVELS = new Set(['debug', 'trace', 'all', 'silly', 'finest', 'finer']);
const DEBUG_SWITCH = /(^|_)(DEBUG(_MODE|_ENABLED)?|ENABLE_DEBUG(_MODE)?)$/;
const MODE_NAME = /(^|_)MODE$/;
/** Framework environment switches whose development value turns on debug pages and dev servers. */
const FRAMEWORK_ENV = /^(NODE_ENV|FLASK_ENV|RAILS_ENV|RACK_ENV|DJANGO_ENV|ASPNETCORE_ENVIRONMENT|DOTNET_ENVIRONMENT)$/;
const JVM_OPTIONS = /(^|_)(OPTS|OPTIONS|JAVA_TOOL_OPTIONS)$/;

/** What `name=value` turns on, or undefined. */
export function debugSetting(name: string, value: string): string | undefined {
  const n = normalizeEnvName(name);
  const v = normalizeFlagValue(value);
  if (LOG_LEVEL.test(n)) return VERBOSE_LEVELS.has(v) ? `${v} logging` : undefined;
  if (DEBUG_SWITCH.test(n)) {
    if (isTruthy(value)) return 'debug mode';
    // The `debug` npm module: DEBUG=* or DEBUG=app:* enables debug output of those namespaces.
    if (n === 'DEBUG' && /^[\w.-]*\*$|^[\w.-]+:[\w.*:-]*$/.test(v)) return 'debug output';
    return undefined;
  }
  if (MODE_NAME.test(n)) return v === 'debug' ? 'debug mode' : undefined;
  if (FRAMEWORK_ENV.test(n)) return v === 'development' ? 'development mode' : undefined;
  if (n === 'NODE_OPTIONS' && /(^|\s)--inspect(-brk)?(=|\s|$)/.test(value)) return 'the Node.js inspector (remote debugging)';
  if (JVM_OPTIONS.test(n) && /-agentlib:jdwp|-Xrunjdwp/.test(value)) return 'the Java debug agent (JDWP, remote debugging)';
  return undefined;
}

export default defineRule({
  id: 'debug-enabled',
  family: 'risky-env',
  severity: 'info',
  title: 'Debug logging or a debug mode is enabled in a deployed manifest',
  symptom: 'logs grow by orders of magnitude (cost, disk pressure, dropped lines), requests slow down, and debug output or error pages show secrets, tokens and stack traces',
  why: 'Debug levels and modes are meant to be switched on briefly while investigating. Left in a deployed manifest they log request bodies and credentials, expose framework debug pages (Flask, Django, Rails) or an open remote debugger port (JDWP, Node inspector), and cost real money in log storage.',
  fix: 'Use `info` (or `warn`) in deployed configuration and turn debug on temporarily when needed (an override, a feature flag, `kubectl set env`), never a remote debugger in shared clusters.',
  example: {
    bad: 'env:\n  - name: LOG_LEVEL\n    value: DEBUG\n  - name: FLASK_DEBUG\n    value: "1"',
    good: 'env:\n  - name: LOG_LEVEL\n    value: info',
  },
  notes:
    'Fires on `LOG_LEVEL`/`LOGGING_LEVEL_*` set to debug or trace, `DEBUG`/`*_DEBUG`/`DEBUG_MODE` set to true or 1 (and `DEBUG=*` of the `debug` npm module), `*_MODE=debug` (GIN_MODE), `NODE_ENV`/`FLASK_ENV`/`RAILS_ENV`/`ASPNETCORE_ENVIRONMENT` set to development, and JDWP or `--inspect` in JVM or Node options. Only deployed configuration counts: container env, ConfigMaps, Secrets, Helm values and docker-compose files; `.env` files, Dockerfile ENV and files in `dev`/`local`/`test` folders or named like `*.local`, `*.example`, `docker-compose.override.yml` are not reported.',
  check(ws, report) {
    for (const ev of ws.envValues) {
      if (!isDeployedSource(ev) || !isFlagLike(ev) || isLocalOrExampleFile(fileOf(ev))) continue;
      const what = debugSetting(ev.name, ev.value);
      if (!what) continue;
      report({ at: ev.at, path: ev.path, message: `${showAssignment(ev)} enables ${what}` });
    }
  },
});
