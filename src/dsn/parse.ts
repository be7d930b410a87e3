// Connection strings as they appear in env values: URLs (`postgresql+asyncpg://u:p@h1:5432,h2/db?x=1`),
// libpq keyword strings (`host=db port=5432 sslmode=require`) and semicolon strings
// (`Host=db;Username=app;Password=...;SSL Mode=Require`). Hand-written because the WHATWG URL
// parser rejects exactly the broken strings we want to explain (unencoded `@` in passwords,
// host lists, placeholders). Offsets are relative to the value, so messages can quote pieces.
import { maskPlaceholders, OPAQUE } from './placeholders.js';

/** A piece of the string: its original text and offsets inside the scanned value. */
export interface DsnPart {
  text: string;
  start: number;
  end: number;
  /** Contains a `$(VAR)`/`${VAR}`/`{{ }}` reference somewhere. */
  templated: boolean;
  /** Is nothing but references: its real value is unknown. */
  opaque: boolean;
}

export interface DsnHost {
  host: DsnPart;
  port?: DsnPart;
}

export interface DsnParam {
  /** Key as written. */
  key: string;
  keyPart: DsnPart;
  value: DsnPart;
}

export type DsnForm = 'url' | 'keyvalue' | 'semicolon';

export interface Dsn {
  form: DsnForm;
  /** The connection string itself (a value can hold more than one, or text around it). */
  text: string;
  start: number;
  end: number;
  /** Full scheme, lower-case: `postgresql+asyncpg`. URL form only. */
  scheme?: string;
  /** Database family: postgresql, mysql, mongodb, redis, amqp, http... */
  family?: string;
  /** Driver after the `+`: asyncpg, psycopg, pymysql, srv. */
  driver?: string;
  /** `jdbc:` prefix seen in front of the URL. */
  jdbc?: boolean;
  userinfo?: DsnPart;
  user?: DsnPart;
  password?: DsnPart;
  hosts: DsnHost[];
  database?: DsnPart;
  params: DsnParam[];
}

const FAMILY_ALIASES: Record<string, string> = {
  postgres: 'postgresql', postgresql: 'postgresql', pgsql: 'postgresql', psql: 'postgresql', cockroachdb: 'postgresql', timescaledb: 'postgresql',
  mysql: 'mysql', mariadb: 'mysql', mongodb: 'mongodb', redis: 'redis', rediss: 'redis', valkey: 'redis',
  amqp: 'amqp', amqps: 'amqp', mssql: 'mssql', sqlserver: 'mssql', oracle: 'oracle', clickhouse: 'clickhouse',
  nats: 'nats', kafka: 'kafka', memcached: 'memcached', elasticsearch: 'elasticsearch',
  http: 'http', https: 'http', ws: 'http', wss: 'http', grpc: 'grpc', grpcs: 'grpc', tcp: 'tcp',
};

/** Family of a scheme such as `postgresql+asyncpg` or `mongodb+srv`. */
export function schemeFamily(scheme: string): { family: string; driver?: string } {
  const [base, driver] = scheme.toLowerCase().split('+', 2);
  return { family: FAMILY_ALIASES[base] ?? base, driver };
}

const SCHEME = /([A-Za-z][A-Za-z0-9+.-]*):\/\//g;

/** Every connection string in a value. */
export function findDsns(value: string): Dsn[] {
  const masked = maskPlaceholders(value);
  const urls = findUrls(value, masked);
  if (urls.length) return urls;
  const kv = parseKeywordString(value, masked);
  if (kv) return [kv];
  const semi = parseSemicolonString(value, masked);
  return semi ? [semi] : [];
}

function findUrls(value: string, masked: string): Dsn[] {
  const out: Dsn[] = [];
  const starts: { index: number; scheme: string }[] = [];
  SCHEME.lastIndex = 0;
  for (let m = SCHEME.exec(masked); m; m = SCHEME.exec(masked)) {
    // A scheme glued to a word (`xpostgres://`) is not a URL start; `jdbc:` and `=` or space are.
    const before = m.index > 0 ? masked[m.index - 1] : '';
    if (before && /[A-Za-z0-9+.-]/.test(before)) continue;
    starts.push({ index: m.index, scheme: m[1] });
  }
  starts.forEach((s, i) => {
    const limit = i + 1 < starts.length ? starts[i + 1].index : masked.length;
    let end = s.index;
    while (end < limit && !/[\s"'<>`]/.test(masked[end])) end++;
    // `a://x,b://y`: drop the separator before the next URL.
    while (end > s.index && /[,;]/.test(masked[end - 1]) && end === limit) end--;
    const dsn = parseUrl(value, masked, s.index, end, s.scheme);
    if (dsn) out.push(dsn);
  });
  return out;
}

function part(value: string, masked: string, start: number, end: number): DsnPart {
  const m = masked.slice(start, end);
  return {
    text: value.slice(start, end),
    start,
    end,
    templated: m.includes(OPAQUE),
    opaque: m.length > 0 && [...m].every((c) => c === OPAQUE),
  };
}

const HOST_ITEM = /^(?:\[[0-9A-Fa-f:.\uE000]+\]|[A-Za-z0-9._~%!$&'()*+=\uE000-]*)(?::[^,/?#@]*)?$/;

/** Does the text after an `@` look like a host list (so that `@` really ends the userinfo)? */
function looksLikeHostList(text: string): boolean {
  return text.split(',').every((item) => HOST_ITEM.test(item));
}

function parseUrl(value: string, masked: string, start: number, end: number, scheme: string): Dsn | undefined {
  const { family, driver } = schemeFamily(scheme);
  const bodyStart = start + scheme.length + 3;
  const body = masked.slice(bodyStart, end);
  // Userinfo ends at the last `@` whose tail still reads as host list + path: passwords may hold `@ / ? #`.
  let at = -1;
  // Bounded: a value made of thousands of `@` must not cost quadratic time.
  let tries = 0;
  for (let i = body.lastIndexOf('@'); i >= 0 && tries++ < 32; i = body.lastIndexOf('@', i - 1)) {
    const tail = body.slice(i + 1);
    const hostEnd = tail.search(/[/?#]/);
    if (looksLikeHostList(hostEnd < 0 ? tail : tail.slice(0, hostEnd))) {
      at = i;
      break;
    }
    if (i === 0) break;
  }
  if (at < 0 && body.includes('@')) {
    // Nothing after any `@` reads as a host: take the first `@` before the path as the separator.
    const firstDelim = body.search(/[/?#]/);
    const firstAt = body.indexOf('@');
    if (firstDelim < 0 || firstAt < firstDelim) at = firstAt;
  }
  const dsn: Dsn = {
    form: 'url',
    text: value.slice(start, end),
    start,
    end,
    scheme: scheme.toLowerCase(),
    family,
    driver,
    jdbc: /jdbc:$/i.test(masked.slice(0, start)),
    hosts: [],
    params: [],
  };
  let rest = bodyStart;
  if (at >= 0) {
    const uStart = bodyStart;
    const uEnd = bodyStart + at;
    dsn.userinfo = part(value, masked, uStart, uEnd);
    const colon = masked.indexOf(':', uStart);
    if (colon >= 0 && colon < uEnd) {
      dsn.user = part(value, masked, uStart, colon);
      dsn.password = part(value, masked, colon + 1, uEnd);
    } else {
      dsn.user = part(value, masked, uStart, uEnd);
    }
    rest = uEnd + 1;
  }
  let hostEnd = rest;
  while (hostEnd < end && !'/?#'.includes(masked[hostEnd])) hostEnd++;
  parseHostList(value, masked, rest, hostEnd, dsn.hosts);
  let pathEnd = hostEnd;
  while (pathEnd < end && masked[pathEnd] !== '?' && masked[pathEnd] !== '#') pathEnd++;
  if (masked[hostEnd] === '/' && pathEnd > hostEnd + 1) dsn.database = part(value, masked, hostEnd + 1, pathEnd);
  if (masked[pathEnd] === '?') {
    let qEnd = pathEnd + 1;
    while (qEnd < end && masked[qEnd] !== '#') qEnd++;
    parseQuery(value, masked, pathEnd + 1, qEnd, dsn.params);
  }
  return dsn;
}

function parseHostList(value: string, masked: string, start: number, end: number, into: DsnHost[]): void {
  if (end <= start) return;
  let itemStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && masked[i] !== ',') continue;
    if (i > itemStart) into.push(parseHostPort(value, masked, itemStart, i));
    itemStart = i + 1;
  }
}

function parseHostPort(value: string, masked: string, start: number, end: number): DsnHost {
  let hostEnd = end;
  if (masked[start] === '[') {
    const close = masked.indexOf(']', start);
    hostEnd = close >= 0 && close < end ? close + 1 : end;
  } else {
    const colon = masked.indexOf(':', start);
    if (colon >= 0 && colon < end) hostEnd = colon;
  }
  const host = part(value, masked, start, hostEnd);
  if (masked[hostEnd] === ':') return { host, port: part(value, masked, hostEnd + 1, end) };
  return { host };
}

function parseQuery(value: string, masked: string, start: number, end: number, into: DsnParam[]): void {
  let itemStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && masked[i] !== '&' && masked[i] !== ';') continue;
    if (i > itemStart) {
      const eq = masked.indexOf('=', itemStart);
      const keyEnd = eq >= 0 && eq < i ? eq : i;
      const keyPart = part(value, masked, itemStart, keyEnd);
      const valuePart = part(value, masked, keyEnd < i ? keyEnd + 1 : i, i);
      into.push({ key: safeDecode(keyPart.text), keyPart, value: valuePart });
    }
    itemStart = i + 1;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** libpq connection keywords (PostgreSQL docs, "Parameter Key Words"). */
export const LIBPQ_KEYWORDS = new Set([
  'host', 'hostaddr', 'port', 'dbname', 'user', 'password', 'passfile', 'require_auth', 'channel_binding',
  'connect_timeout', 'client_encoding', 'options', 'application_name', 'fallback_application_name', 'keepalives',
  'keepalives_idle', 'keepalives_interval', 'keepalives_count', 'tcp_user_timeout', 'replication', 'gssencmode',
  'sslmode', 'requiressl', 'sslcompression', 'sslcert', 'sslkey', 'sslpassword', 'sslcertmode', 'sslrootcert',
  'sslcrl', 'sslcrldir', 'sslsni', 'requirepeer', 'ssl_min_protocol_version', 'ssl_max_protocol_version',
  'krbsrvname', 'gsslib', 'gssdelegation', 'service', 'target_session_attrs', 'load_balance_hosts', 'sslnegotiation',
]);

const KEYWORD_PAIR = /([A-Za-z_][A-Za-z0-9_]*)\s*=\s*('(?:[^'\\]|\\.)*'|[^\s']*)/y;

/** `host=db port=5432 user=app password=x sslmode=require` (whole value, libpq keywords only). */
function parseKeywordString(value: string, masked: string): Dsn | undefined {
  const params: DsnParam[] = [];
  let i = 0;
  const n = masked.length;
  while (i < n) {
    while (i < n && /\s/.test(masked[i])) i++;
    if (i >= n) break;
    KEYWORD_PAIR.lastIndex = i;
    const m = KEYWORD_PAIR.exec(masked);
    if (!m || !LIBPQ_KEYWORDS.has(m[1].toLowerCase())) return undefined;
    const keyPart = part(value, masked, i, i + m[1].length);
    const valueStart = i + m[0].length - m[2].length;
    const quoted = m[2].startsWith("'");
    const vStart = quoted ? valueStart + 1 : valueStart;
    const vEnd = quoted ? valueStart + m[2].length - 1 : valueStart + m[2].length;
    params.push({ key: m[1], keyPart, value: part(value, masked, vStart, vEnd) });
    i += m[0].length;
    if (i < n && !/\s/.test(masked[i])) return undefined;
  }
  const keys = new Set(params.map((p) => p.key.toLowerCase()));
  if (params.length < 2 || !(keys.has('host') || keys.has('hostaddr') || keys.has('dbname'))) return undefined;
  const dsn: Dsn = { form: 'keyvalue', text: value, start: 0, end: value.length, family: 'postgresql', hosts: [], params };
  fillFromParams(dsn, value, masked, { host: ['host', 'hostaddr'], port: ['port'], user: ['user'], password: ['password'], database: ['dbname'] });
  return dsn;
}

/** Keys of ADO.NET / Npgsql / JDBC-properties style strings, lower-cased without spaces. */
const SEMICOLON_KEYS = {
  host: ['host', 'server', 'datasource', 'address', 'addr', 'networkaddress'],
  port: ['port'],
  user: ['userid', 'user', 'username', 'uid'],
  password: ['password', 'pwd'],
  database: ['database', 'initialcatalog', 'dbname'],
};

/** `Host=db;Port=5432;Username=app;Password=x;SSL Mode=Require` */
function parseSemicolonString(value: string, masked: string): Dsn | undefined {
  if (!masked.includes(';')) return undefined;
  const params: DsnParam[] = [];
  let itemStart = 0;
  for (let i = 0; i <= masked.length; i++) {
    if (i < masked.length && masked[i] !== ';') continue;
    const raw = masked.slice(itemStart, i);
    if (raw.trim()) {
      const eq = raw.indexOf('=');
      if (eq <= 0) return undefined;
      const lead = raw.length - raw.trimStart().length;
      const key = raw.slice(lead, eq).trim();
      if (!/^[A-Za-z][A-Za-z ]*$/.test(key)) return undefined;
      const vRaw = raw.slice(eq + 1);
      const vLead = vRaw.length - vRaw.trimStart().length;
      const vStart = itemStart + eq + 1 + vLead;
      const vEnd = itemStart + eq + 1 + vRaw.trimEnd().length;
      params.push({ key, keyPart: part(value, masked, itemStart + lead, itemStart + lead + key.length), value: part(value, masked, vStart, Math.max(vStart, vEnd)) });
    }
    itemStart = i + 1;
  }
  const norm = new Set(params.map((p) => normalizeKey(p.key)));
  const hasHost = SEMICOLON_KEYS.host.some((k) => norm.has(k));
  if (params.length < 2 || !hasHost) return undefined;
  const dsn: Dsn = { form: 'semicolon', text: value, start: 0, end: value.length, hosts: [], params };
  fillFromParams(dsn, value, masked, SEMICOLON_KEYS);
  return dsn;
}

export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[\s_]/g, '');
}

function fillFromParams(dsn: Dsn, value: string, masked: string, keys: typeof SEMICOLON_KEYS): void {
  const find = (names: string[]) => dsn.params.find((p) => names.includes(normalizeKey(p.key)));
  const host = find(keys.host);
  const port = find(keys.port);
  if (host) {
    // libpq host lists pair with port lists: host=a,b port=5432,5433.
    const hosts: DsnHost[] = [];
    parseHostList(value, masked, host.value.start, host.value.end, hosts);
    const ports: DsnHost[] = [];
    if (port) parseHostList(value, masked, port.value.start, port.value.end, ports);
    hosts.forEach((h, i) => {
      const p = ports[i] ?? ports[0];
      dsn.hosts.push({ host: h.host, port: h.port ?? (p ? p.host : undefined) });
    });
  }
  dsn.user = find(keys.user)?.value;
  dsn.password = find(keys.password)?.value;
  dsn.database = find(keys.database)?.value;
}

/** Query or keyword parameter by name (case-insensitive, spaces and underscores ignored for semicolon strings). */
export function dsnParam(dsn: Dsn, ...names: string[]): DsnParam | undefined {
  const wanted = names.map(normalizeKey);
  return dsn.params.find((p) => wanted.includes(normalizeKey(p.key)));
}
