import { defineRule } from '../../src/engine/rule.js';
import { envDsns } from '../../src/dsn/env-dsns.js';
import { ASYNCPG_REJECTED } from '../../src/dsn/knowledge.js';

export default defineRule({
  id: 'dsn-asyncpg-param',
  family: 'dsn',
  severity: 'error',
  title: 'libpq-only parameter in a postgresql+asyncpg connection string',
  symptom: "The app crashes at start-up with `TypeError: connect() got an unexpected keyword argument 'connect_timeout'` (or 'sslmode')",
  why:
    'SQLAlchemy hands every query parameter of a `postgresql+asyncpg://` URL to `asyncpg.connect()` as a keyword argument. ' +
    'asyncpg is not libpq: it has `timeout` and `ssl` where libpq has `connect_timeout` and `sslmode`, and no keyword at all ' +
    'for several others, so a URL copied from a psycopg setup fails on the first connection.',
  fix: 'Use the asyncpg names: `connect_timeout=10` becomes `timeout=10`, `sslmode=require` becomes `ssl=require`; pass certificate files through an `ssl.SSLContext` in `connect_args`.',
  example: {
    bad: 'DATABASE_URL=postgresql+asyncpg://app:${DB_PASSWORD}@db:5432/app?connect_timeout=10&sslmode=require',
    good: 'DATABASE_URL=postgresql+asyncpg://app:${DB_PASSWORD}@db:5432/app?timeout=10&ssl=require',
  },
  check(ws, report) {
    for (const { ev, dsn } of envDsns(ws)) {
      if (dsn.form !== 'url' || dsn.family !== 'postgresql' || dsn.driver !== 'asyncpg') continue;
      const fixes: string[] = [];
      const rewritten: string[] = [];
      for (const p of dsn.params) {
        const key = p.key.toLowerCase();
        const t = ASYNCPG_REJECTED[key];
        if (!t) continue;
        if (t.replacement) {
          const value = p.value.text;
          fixes.push(`\`${p.key}=${value}\` → \`${t.replacement}=${value}\``);
          rewritten.push(`${t.replacement}=${value}`);
        } else {
          fixes.push(`\`${p.key}\`: ${t.advice}`);
        }
      }
      if (!fixes.length) continue;
      const names = dsn.params.filter((p) => ASYNCPG_REJECTED[p.key.toLowerCase()]).map((p) => p.key);
      report({
        at: ev.at,
        path: ev.path,
        message: `${ev.name} is a postgresql+asyncpg URL with libpq-only parameter${names.length > 1 ? 's' : ''} ${names.join(', ')}, which asyncpg.connect() rejects ("unexpected keyword argument '${names[0]}'"): ${fixes.join('; ')}`,
        ...(rewritten.length ? { fix: rewritten.join('&') } : {}),
      });
    }
  },
});
