import { describe, expect, it } from 'vitest';
import { keys, scanFiles } from '../dockerfile/scan-files.js';

const DSN = ['dsn-asyncpg-param', 'dsn-password-unencoded', 'dsn-ssl-required', 'dsn-numeric-param', 'dsn-localhost', 'dsn-embedded-password'];

function pod(env: string, extraContainers = ''): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: app, namespace: shop }
spec:
  containers:
    - name: app
      image: registry.example.com/app:1
      ports: [{ containerPort: 8080 }]
      env:
${env}${extraContainers}`;
}

describe('dsn-ssl-required', () => {
  it('reads SSL-only hosts from rule options', async () => {
    const files = {
      '.kubelint.yaml': 'rules:\n  dsn-ssl-required:\n    options:\n      sslHosts: ["*.rds.amazonaws.com", "pg.internal.example.com"]\n',
      'app.env': 'A=postgresql://app:${PW}@orders.abc123.eu-west-1.rds.amazonaws.com:5432/app\nB=postgresql://app:${PW}@pg.internal.example.com/app?sslmode=verify-full\nC=mysql+pymysql://app:${PW}@pg.internal.example.com/app\n',
    };
    expect(keys(await scanFiles(files, { onlyRules: ['dsn-ssl-required'] }))).toEqual(['dsn-ssl-required app.env:1', 'dsn-ssl-required app.env:3']);
  });

  it('counts PGSSLMODE=require in the same container', async () => {
    const env = (mode: string) => `        - { name: PGSSLMODE, value: ${mode} }\n        - { name: DATABASE_URL, value: "postgresql://app:$(PW)@db1.postgres.database.azure.com/app" }\n`;
    expect(keys(await scanFiles({ 'pod.yaml': pod(env('require')) }, { onlyRules: DSN }))).toEqual([]);
    expect(keys(await scanFiles({ 'pod.yaml': pod(env('disable')) }, { onlyRules: DSN }))).toEqual(['dsn-ssl-required pod.yaml:11']);
  });
});

describe('connection strings in other places', () => {
  it('finds DSNs in Dockerfile ENV and compose map form, at the value', async () => {
    const findings = await scanFiles(
      {
        Dockerfile: 'FROM python:3.12-slim\nENV DATABASE_URL=postgresql+asyncpg://app@db/app?sslmode=require\nUSER 1000\n',
        'docker-compose.yml': 'services:\n  api:\n    image: x/api:1\n    environment:\n      DATABASE_URL: "postgresql+asyncpg://app@db/app?connect_timeout=5"\n',
      },
      { onlyRules: ['dsn-asyncpg-param'] },
    );
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['Dockerfile:2:18', 'docker-compose.yml:5:21']);
  });

  it('reports a libpq keyword string with a literal password, not one with a reference', async () => {
    const files = { 'app.env': "PG_DSN=host=db dbname=app user=app password='Tr0ub4dor&3x'\nPG_DSN2=host=db dbname=app user=app password=${PGPASSWORD}\n" };
    const found = await scanFiles(files, { onlyRules: ['dsn-embedded-password'] });
    expect(keys(found)).toEqual(['dsn-embedded-password app.env:1']);
    expect(found[0].message).not.toContain('Tr0ub4dor&3x');
  });

  it('treats an out-of-range port as not a number', async () => {
    expect(keys(await scanFiles({ 'app.env': 'REDIS_URL=redis://cache:99999/0\n' }, { onlyRules: ['dsn-numeric-param'] }))).toEqual(['dsn-numeric-param app.env:1']);
  });
});

describe('dsn-localhost', () => {
  it('checks bare host:port values and .env files loaded by compose', async () => {
    expect(keys(await scanFiles({ 'pod.yaml': pod('        - { name: REDIS_ADDR, value: "localhost:6379" }\n') }, { onlyRules: ['dsn-localhost'] }))).toEqual([
      'dsn-localhost pod.yaml:10',
    ]);
    const compose = 'services:\n  api:\n    image: x/api:1\n    env_file: [config/api.env]\n';
    expect(keys(await scanFiles({ 'compose.yaml': compose, 'config/api.env': 'CACHE=redis://127.0.0.1:6379\n' }, { onlyRules: ['dsn-localhost'] }))).toEqual([
      'dsn-localhost config/api.env:1',
    ]);
    expect(keys(await scanFiles({ 'config/api.env': 'CACHE=redis://127.0.0.1:6379\n' }, { onlyRules: ['dsn-localhost'] }))).toEqual([]);
  });

  it('accepts a sidecar that declares the port', async () => {
    const sidecar = '    - name: redis\n      image: redis:7.2\n      ports: [{ containerPort: 6379 }]\n';
    expect(keys(await scanFiles({ 'pod.yaml': pod('        - { name: REDIS_URL, value: "redis://localhost:6379/0" }\n', sidecar) }, { onlyRules: ['dsn-localhost'] }))).toEqual([]);
  });
});

describe('placeholders are never errors', () => {
  it('stays silent on templated hosts, ports, users and passwords', async () => {
    const env = [
      'A=postgresql+asyncpg://{{ .Values.db.user }}:{{ .Values.db.password }}@{{ .Values.db.host }}:{{ .Values.db.port }}/app?timeout={{ .Values.timeout }}',
      'B=postgresql://$(DB_USER):$(DB_PASSWORD)@${DB_HOST}:${DB_PORT}/app',
      'C=mongodb+srv://${MONGO_USER}:${MONGO_PASSWORD}@cluster0.abc.mongodb.net/app?connectTimeoutMS=${TIMEOUT}',
    ].join('\n');
    expect(keys(await scanFiles({ 'app.env': env + '\n' }, { onlyRules: DSN }))).toEqual([]);
  });
});
