import { defineRule } from '../../src/engine/rule.js';
import { envDsns } from '../../src/dsn/env-dsns.js';
import { SSL_ENCRYPTING, SSL_ONLY_HOST_SUFFIXES } from '../../src/dsn/knowledge.js';
import { dsnParam, type Dsn } from '../../src/dsn/parse.js';
import type { EnvValue } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';

/** Parameters that turn TLS on, per form of connection string. */
const SSL_KEYS = ['sslmode', 'ssl', 'sslMode', 'requiressl', 'useSSL', 'tls', 'SSL Mode', 'encrypt'];

function sslHostMatcher(options: Record<string, unknown>): (host: string) => boolean {
  const configured = Array.isArray(options.sslHosts) ? options.sslHosts.map((h) => String(h).toLowerCase()) : [];
  const suffixes = [...SSL_ONLY_HOST_SUFFIXES, ...configured.filter((h) => h.startsWith('*.') || h.startsWith('.')).map((h) => h.replace(/^\*/, ''))];
  const exact = new Set(configured.filter((h) => !h.startsWith('*.') && !h.startsWith('.')));
  return (host) => {
    const h = host.toLowerCase();
    return exact.has(h) || suffixes.some((s) => h.endsWith(s));
  };
}

/** `PGSSLMODE=require` next to the connection string (same container or file) turns TLS on too. */
function siblingSslMode(ws: Workspace, ev: EnvValue): boolean {
  return ws.envValues.some(
    (o) =>
      o.name === 'PGSSLMODE' &&
      SSL_ENCRYPTING.has(o.value.toLowerCase()) &&
      (ev.container ? o.container === ev.container : o.at.unit === ev.at.unit),
  );
}

function suggestion(dsn: Dsn): string {
  if (dsn.form === 'semicolon') return 'SSL Mode=Require';
  if (dsn.driver === 'asyncpg') return 'ssl=require';
  return 'sslmode=require';
}

export default defineRule({
  id: 'dsn-ssl-required',
  family: 'dsn',
  severity: 'error',
  title: 'Connection to an SSL-only database server without SSL',
  symptom: 'The connection is refused with `FATAL: no pg_hba.conf entry for host "10.1.2.3", user "app", database "app", no encryption`',
  why:
    'Azure Database for PostgreSQL (`*.postgres.database.azure.com`) and servers configured with `hostssl`-only rules reject every ' +
    'connection that does not negotiate TLS. Many drivers (asyncpg, node-postgres, JDBC) do not try TLS unless told to, so the ' +
    'app fails to connect even though the host, user and password are right.',
  fix: 'Add `sslmode=require` (libpq, psycopg, JDBC), `ssl=require` (asyncpg) or `SSL Mode=Require` (Npgsql) to the connection string, or `verify-full` with the server CA to also check the certificate.',
  example: {
    bad: 'DATABASE_URL=postgresql://app:${DB_PASSWORD}@orders.postgres.database.azure.com:5432/app',
    good: 'DATABASE_URL=postgresql://app:${DB_PASSWORD}@orders.postgres.database.azure.com:5432/app?sslmode=require',
  },
  notes: 'Configure more SSL-only hosts with `rules: { dsn-ssl-required: { options: { sslHosts: ["db.internal.example.com", "*.rds.amazonaws.com"] } } }`. A `PGSSLMODE=require` env var in the same container or file counts as enabling TLS.',
  check(ws, report, ctx) {
    const sslOnly = sslHostMatcher(ctx.options);
    for (const { ev, dsn } of envDsns(ws)) {
      const host = dsn.hosts.find((h) => !h.host.templated && sslOnly(h.host.text));
      if (!host) continue;
      const setting = dsnParam(dsn, ...SSL_KEYS);
      if (setting?.value.opaque) continue;
      if (setting && SSL_ENCRYPTING.has(setting.value.text.toLowerCase())) continue;
      if (siblingSslMode(ws, ev)) continue;
      const fix = suggestion(dsn);
      const current = setting ? `it sets ${setting.key}=${setting.value.text}` : 'it does not ask for TLS';
      report({
        at: ev.at,
        path: ev.path,
        message: `${ev.name} connects to ${host.host.text}, which only accepts encrypted connections, but ${current}: ${setting ? `change it to ${fix}` : `add ${fix}`}`,
        fix,
      });
    }
  },
});
