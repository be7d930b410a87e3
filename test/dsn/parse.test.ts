import { describe, expect, it } from 'vitest';
import { dsnParam, findDsns } from '../../src/dsn/parse.js';

function one(value: string) {
  const list = findDsns(value);
  expect(list).toHaveLength(1);
  return list[0];
}

describe('findDsns: URLs', () => {
  it('splits scheme, driver, userinfo, hosts, database and query', () => {
    const d = one('postgresql+asyncpg://app:s3cret@db-1:5432,db-2:5433/orders?connect_timeout=10&sslmode=require');
    expect(d.form).toBe('url');
    expect(d.family).toBe('postgresql');
    expect(d.driver).toBe('asyncpg');
    expect(d.user?.text).toBe('app');
    expect(d.password?.text).toBe('s3cret');
    expect(d.hosts.map((h) => [h.host.text, h.port?.text])).toEqual([['db-1', '5432'], ['db-2', '5433']]);
    expect(d.database?.text).toBe('orders');
    expect(d.params.map((p) => [p.key, p.value.text])).toEqual([['connect_timeout', '10'], ['sslmode', 'require']]);
  });

  it('keeps unencoded @ / ? # inside the password by taking the last @ before a host', () => {
    const d = one('postgres://admin:p@ss/w?rd#1@db.example.com:5432/app');
    expect(d.password?.text).toBe('p@ss/w?rd#1');
    expect(d.hosts[0].host.text).toBe('db.example.com');
    expect(d.database?.text).toBe('app');
  });

  it('offsets point into the value', () => {
    const v = 'DSN is mysql+pymysql://u:pw@h/db';
    const d = one(v);
    expect(v.slice(d.start, d.end)).toBe('mysql+pymysql://u:pw@h/db');
    expect(v.slice(d.password!.start, d.password!.end)).toBe('pw');
  });

  it('treats $(VAR), ${VAR}, {{ }} as opaque, never as broken syntax', () => {
    const d = one('postgresql://app:$(DB_PASSWORD)@${DB_HOST}:{{ .Values.port }}/app');
    expect(d.password?.opaque).toBe(true);
    expect(d.hosts[0].host.opaque).toBe(true);
    expect(d.hosts[0].port?.opaque).toBe(true);
    const h = one('redis://:{{ .Values.redis.password | b64dec }}@redis:6379/0');
    expect(h.password?.opaque).toBe(true);
    expect(h.hosts[0].host.text).toBe('redis');
  });

  it('handles mongodb+srv, IPv6, no userinfo and jdbc prefixes', () => {
    expect(one('mongodb+srv://cluster0.abc.mongodb.net/db?retryWrites=true').driver).toBe('srv');
    const v6 = one('redis://[::1]:6380');
    expect(v6.hosts[0].host.text).toBe('[::1]');
    expect(v6.hosts[0].port?.text).toBe('6380');
    const j = one('jdbc:postgresql://db:5432/app?ssl=true');
    expect(j.jdbc).toBe(true);
    expect(dsnParam(j, 'ssl')?.value.text).toBe('true');
  });

  it('finds several URLs in one value', () => {
    const list = findDsns('amqp://guest:guest@rabbit-0:5672,amqp://guest:guest@rabbit-1:5672');
    expect(list.map((d) => d.hosts[0].host.text)).toEqual(['rabbit-0', 'rabbit-1']);
  });

  it('does not take plain words for URLs', () => {
    expect(findDsns('info')).toEqual([]);
    expect(findDsns('a=b')).toEqual([]);
  });
});

describe('findDsns: keyword strings', () => {
  it('parses libpq key=value strings with quotes and host lists', () => {
    const d = one("host=db1,db2 port=5432 dbname=app user=app password='a b' sslmode=require connect_timeout=5s");
    expect(d.form).toBe('keyvalue');
    expect(d.hosts.map((h) => h.host.text)).toEqual(['db1', 'db2']);
    expect(d.hosts[0].port?.text).toBe('5432');
    expect(d.password?.text).toBe('a b');
    expect(dsnParam(d, 'connect_timeout')?.value.text).toBe('5s');
  });

  it('rejects strings with non-libpq keywords', () => {
    expect(findDsns('foo=1 bar=2')).toEqual([]);
    expect(findDsns('host=db flavour=mint')).toEqual([]);
  });

  it('parses semicolon (Npgsql / ADO.NET) strings', () => {
    const d = one('Host=pg.postgres.database.azure.com;Database=app;Username=app;Password=hunter22;SSL Mode=Prefer');
    expect(d.form).toBe('semicolon');
    expect(d.hosts[0].host.text).toBe('pg.postgres.database.azure.com');
    expect(d.password?.text).toBe('hunter22');
    expect(dsnParam(d, 'sslmode')?.value.text).toBe('Prefer');
  });
});
