import { defineRule } from '../../src/engine/rule.js';
import { envDsns } from '../../src/dsn/env-dsns.js';
import { isMillisecondParam, isNumericParam } from '../../src/dsn/knowledge.js';

const NUMBER = /^\d+(\.\d+)?$/;
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|msec|s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)$/i;

/** `5s` -> 5 (seconds) or 5000 (a ...MS parameter); undefined when the value is not a duration. */
function asNumber(value: string, millis: boolean): string | undefined {
  const m = DURATION.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  const seconds = unit.startsWith('ms') ? n / 1000 : unit.startsWith('h') ? n * 3600 : unit.startsWith('m') ? n * 60 : n;
  const out = millis ? seconds * 1000 : seconds;
  return String(Number(out.toFixed(3)));
}

function unitOf(key: string, millis: boolean): string {
  if (millis) return 'a plain number of milliseconds';
  if (/timeout|recycle|interval|heartbeat|delay|idle|lifetime/i.test(key)) return 'a plain number of seconds';
  if (/port/i.test(key)) return 'a port number';
  return 'a plain integer';
}

export default defineRule({
  id: 'dsn-numeric-param',
  family: 'dsn',
  severity: 'error',
  title: 'Connection string parameter that must be a number is not one',
  symptom: "The driver fails when it first uses the value: `TypeError: unsupported operand type(s) for +: 'float' and 'str'`, `invalid integer value \"5s\" for connection option \"connect_timeout\"` or `Port could not be cast to integer value`",
  why:
    'Timeouts, pool sizes and ports in a connection string are parsed as plain numbers (seconds, or milliseconds for MongoDB\'s `...MS` options). ' +
    'Drivers do not understand units like `5s` or `30sec`: some reject the string at start-up, others keep it as text and fail later inside a timer.',
  fix: 'Write a plain number in the unit the parameter uses: `timeout=5s` becomes `timeout=5`, `connectTimeoutMS=5s` becomes `connectTimeoutMS=5000`; ports are plain integers up to 65535.',
  example: {
    bad: 'DATABASE_URL=postgresql+asyncpg://app:${DB_PASSWORD}@db:5432/app?timeout=5s',
    good: 'DATABASE_URL=postgresql+asyncpg://app:${DB_PASSWORD}@db:5432/app?timeout=5',
  },
  check(ws, report) {
    for (const { ev, dsn } of envDsns(ws)) {
      const problems: string[] = [];
      const fixes: string[] = [];
      for (const h of dsn.hosts) {
        const port = h.port;
        if (!port || port.templated || port.text === '') continue;
        if (!/^\d+$/.test(port.text) || Number(port.text) > 65535) {
          problems.push(`port "${port.text}" of ${h.host.text || 'the host'} is not a port number (1-65535)`);
        }
      }
      for (const p of dsn.params) {
        if (!isNumericParam(dsn.family, p.key) || p.value.templated || p.value.text === '') continue;
        if (NUMBER.test(p.value.text)) continue;
        if (/^port$/i.test(p.key) && p.value.text.split(',').every((x) => NUMBER.test(x.trim()))) continue;
        const millis = isMillisecondParam(p.key);
        const converted = asNumber(p.value.text, millis);
        if (converted !== undefined) {
          problems.push(`${p.key}=${p.value.text} is not a number: write ${p.key}=${converted}`);
          fixes.push(`${p.key}=${converted}`);
        } else {
          problems.push(`${p.key}=${p.value.text} is not a number: write ${unitOf(p.key, millis)}`);
        }
      }
      if (!problems.length) continue;
      report({ at: ev.at, path: ev.path, message: `In ${ev.name}, ${problems.join('; ')}`, ...(fixes.length ? { fix: fixes.join('&') } : {}) });
    }
  },
});
