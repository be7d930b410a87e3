// sprig's date functions over Go-like time values. Rendering uses the clock given in the
// render options (fixed in tests) so output is reproducible.
import type { FuncDef } from '../template/exec.js';
import { GoStruct, isNil } from '../template/values.js';
import { def, toInt64 } from './convert.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A time.Time: UTC milliseconds plus nanoseconds within the millisecond, shown in a zone offset. */
export function makeTime(ms: number, offsetMin = 0, zone = 'UTC'): GoStruct {
  const t = new GoStruct('time.Time', {}, {}, () => formatGoTime(ms, '2006-01-02 15:04:05.999999999 -0700 MST', offsetMin, zone));
  (t as any).ms = ms;
  (t as any).offset = offsetMin;
  (t as any).zone = zone;
  t.methods.Unix = () => BigInt(Math.floor(ms / 1000));
  t.methods.UTC = () => makeTime(ms);
  t.methods.Format = (layout: unknown) => formatGoTime(ms, String(layout), offsetMin, zone);
  t.methods.Year = () => BigInt(new Date(ms + offsetMin * 60000).getUTCFullYear());
  return t;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** Format with a Go reference-time layout (Mon Jan 2 15:04:05 MST 2006). */
export function formatGoTime(ms: number, layout: string, offsetMin = 0, zone = 'UTC'): string {
  const d = new Date(ms + offsetMin * 60000);
  const Y = d.getUTCFullYear();
  const M = d.getUTCMonth();
  const D = d.getUTCDate();
  const h = d.getUTCHours();
  const mi = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  const frac = String(d.getUTCMilliseconds()).padStart(3, '0') + '000000';
  const off = (sep: string, z: boolean) => {
    if (z && offsetMin === 0) return 'Z';
    const a = Math.abs(offsetMin);
    return (offsetMin < 0 ? '-' : '+') + p2(Math.floor(a / 60)) + sep + p2(a % 60);
  };
  const tokens: [string, () => string][] = [
    ['January', () => MONTHS[M]], ['Jan', () => MONTHS[M].slice(0, 3)], ['Monday', () => DAYS[d.getUTCDay()]], ['Mon', () => DAYS[d.getUTCDay()].slice(0, 3)],
    ['MST', () => zone], ['2006', () => String(Y)], ['Z07:00', () => off(':', true)], ['Z0700', () => off('', true)], ['-07:00', () => off(':', false)], ['-0700', () => off('', false)], ['-07', () => off('', false).slice(0, 3)],
    ['002', () => String(Math.floor((Date.UTC(Y, M, D) - Date.UTC(Y, 0, 0)) / 86400000)).padStart(3, '0')],
    ['01', () => p2(M + 1)], ['02', () => p2(D)], ['_2', () => String(D).padStart(2, ' ')], ['06', () => String(Y).slice(-2)],
    ['15', () => p2(h)], ['03', () => p2(h % 12 || 12)], ['04', () => p2(mi)], ['05', () => p2(s)],
    ['PM', () => (h >= 12 ? 'PM' : 'AM')], ['pm', () => (h >= 12 ? 'pm' : 'am')],
    ['1', () => String(M + 1)], ['2', () => String(D)], ['3', () => String(h % 12 || 12)], ['4', () => String(mi)], ['5', () => String(s)],
  ];
  let out = '';
  let i = 0;
  outer: while (i < layout.length) {
    const frac9 = /^[.,](0+|9+)/.exec(layout.slice(i));
    if (frac9 && !/\d/.test(layout[i + frac9[0].length] ?? '')) {
      const n = frac9[1].length;
      let f = frac.slice(0, n);
      if (frac9[1][0] === '9') f = f.replace(/0+$/, '');
      out += f ? layout[i] + f : '';
      i += frac9[0].length;
      continue;
    }
    for (const [tok, fn] of tokens) {
      if (layout.startsWith(tok, i)) {
        out += fn();
        i += tok.length;
        continue outer;
      }
    }
    out += layout[i++];
  }
  return out;
}

function timeMs(v: unknown, now: () => number): { ms: number; offset: number; zone: string } {
  if (v instanceof GoStruct && v.typeName === 'time.Time') return { ms: (v as any).ms, offset: (v as any).offset, zone: (v as any).zone };
  if (typeof v === 'bigint' || typeof v === 'number') return { ms: Number(v) * 1000, offset: 0, zone: 'UTC' };
  return { ms: now(), offset: 0, zone: 'UTC' };
}

function zoneOffset(zone: string, ms: number): number {
  if (zone === 'UTC' || zone === 'Local' || zone === '') return 0;
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(ms));
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d\d):(\d\d)/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  } catch {
    return 0;
  }
}

/** Go's time.ParseDuration. */
export function parseDuration(s: string): number {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  const m = /^([+-])?((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(s);
  if (!m) {
    if (s === '0') return 0;
    throw new Error(`time: invalid duration "${s}"`);
  }
  let total = 0;
  for (const part of s.replace(/^[+-]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(part[1]) * units[part[2]];
  return m[1] === '-' ? -total : total;
}

/** Go's Duration.String(). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let rest = Math.abs(ms);
  let out = '';
  if (rest < 1000) {
    out = rest >= 1 ? `${+rest.toFixed(6)}ms` : rest * 1000 >= 1 ? `${+(rest * 1000).toFixed(3)}µs` : `${Math.round(rest * 1e6)}ns`;
  } else {
    const h = Math.floor(rest / 3600000);
    rest -= h * 3600000;
    const mi = Math.floor(rest / 60000);
    rest -= mi * 60000;
    const sec = +(rest / 1000).toFixed(9);
    out = (h ? `${h}h` : '') + (h || mi ? `${mi}m` : '') + `${sec}s`;
  }
  return (neg ? '-' : '') + out;
}

function parseDate(layout: string, value: string): number {
  const t = Date.parse(value.includes('T') || /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : value.replace(' ', 'T') + (value.length <= 10 ? 'T00:00:00Z' : 'Z'));
  if (Number.isNaN(t)) throw new Error(`parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse`);
  return t;
}

export function dateFuncs(now: () => number): Record<string, FuncDef> {
  const date = (layout: string, v: unknown, zone?: string) => {
    const t = timeMs(v, now);
    const z = zone ?? t.zone;
    const offset = zone !== undefined ? zoneOffset(zone, t.ms) : t.offset;
    return formatGoTime(t.ms, layout, offset, z === 'Local' ? 'UTC' : z);
  };
  return {
    now: def([], () => makeTime(now())),
    date: def(['string', 'any'], (_c, f, v) => date(f, v)),
    dateInZone: def(['string', 'any', 'string'], (_c, f, v, z) => date(f, v, z)),
    date_in_zone: def(['string', 'any', 'string'], (_c, f, v, z) => date(f, v, z)),
    htmlDate: def(['any'], (_c, v) => date('2006-01-02', v)),
    htmlDateInZone: def(['any', 'string'], (_c, v, z) => date('2006-01-02', v, z)),
    dateModify: def(['string', 'any'], (_c, d, v) => { const t = timeMs(v, now); return makeTime(t.ms + parseDuration(d), t.offset, t.zone); }),
    date_modify: def(['string', 'any'], (_c, d, v) => { const t = timeMs(v, now); return makeTime(t.ms + parseDuration(d), t.offset, t.zone); }),
    must_date_modify: def(['string', 'any'], (_c, d, v) => { const t = timeMs(v, now); return makeTime(t.ms + parseDuration(d), t.offset, t.zone); }),
    mustDateModify: def(['string', 'any'], (_c, d, v) => { const t = timeMs(v, now); return makeTime(t.ms + parseDuration(d), t.offset, t.zone); }),
    ago: def(['any'], (_c, v) => formatDuration(Math.round((now() - timeMs(v, now).ms) / 1000) * 1000)),
    unixEpoch: def(['any'], (_c, v) => String(Math.floor(timeMs(v, now).ms / 1000))),
    toDate: def(['string', 'string'], (_c, l, s) => { try { return makeTime(parseDate(l, s)); } catch { return makeTime(-62135596800000); } }),
    mustToDate: def(['string', 'string'], (_c, l, s) => makeTime(parseDate(l, s))),
    duration: def(['any'], (_c, v) => formatDuration(Number(toInt64(v)) * 1000)),
    durationRound: def(['any'], (_c, v) => durationRound(v)),
  };
}

function durationRound(v: unknown): string {
  let ms: number;
  if (typeof v === 'string') { try { ms = parseDuration(v); } catch { ms = 0; } }
  else if (isNil(v)) ms = 0;
  else ms = Number(toInt64(v)) / 1e6;
  const a = Math.abs(ms);
  const units: [number, string][] = [[31536000000, 'y'], [2592000000, 'mo'], [86400000, 'd'], [3600000, 'h'], [60000, 'm'], [1000, 's']];
  for (const [u, name] of units) if (a >= u) return `${Math.floor(a / u)}${name}`;
  return '0s';
}
