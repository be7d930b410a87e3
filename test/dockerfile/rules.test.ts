import { describe, expect, it } from 'vitest';
import { keys, scanFiles } from './scan-files.js';

const RULES = ['dockerfile-syntax', 'dockerfile-latest-base', 'dockerfile-root-user', 'dockerfile-requirements-not-installed', 'dockerfile-secret'];

async function run(files: Record<string, string>, rules = RULES): Promise<string[]> {
  return keys(await scanFiles(files, { onlyRules: rules }), rules);
}

describe('inline suppression', () => {
  it('`# kubelint-ignore rule -- reason` above an instruction silences that rule there', async () => {
    const dockerfile = [
      '# kubelint-ignore dockerfile-root-user -- the entrypoint drops privileges itself',
      'FROM alpine:3.20',
      '# kubelint-ignore dockerfile-secret -- test fixture value',
      'ENV LOG_LEVEL=info \\',
      '    API_TOKEN=Zq81-mN4v-Xp2L',
      'CMD ["/entrypoint.sh"]',
      '',
    ].join('\n');
    expect(await run({ Dockerfile: dockerfile })).toEqual([]);
    const without = dockerfile.replace(/# kubelint-ignore.*\n/g, '');
    expect(await run({ Dockerfile: without })).toEqual(['dockerfile-root-user Dockerfile:1', 'dockerfile-secret Dockerfile:2']);
  });
});

describe('dockerfile-syntax', () => {
  it('reports an empty Dockerfile at line 1', async () => {
    expect(await run({ 'svc/Dockerfile': '' })).toEqual(['dockerfile-syntax svc/Dockerfile:1']);
  });
});

describe('dockerfile-latest-base', () => {
  it('accepts digests, even with :latest, and resolves ARG defaults', async () => {
    const ok = 'FROM python:latest@sha256:0d2b0e6b9d3c5ea4c2d3f1c0f4ea6e6c3f0b0e2ad2e4c5a6b7c8d9e0f1a2b3c4\nUSER 1000\n';
    expect(await run({ Dockerfile: ok })).toEqual([]);
    const viaArg = 'ARG PY=3.12\nFROM python:${PY}-slim\nUSER 1000\n';
    expect(await run({ Dockerfile: viaArg })).toEqual([]);
    const latestViaArg = 'ARG PY=latest\nFROM python:${PY}\nUSER 1000\n';
    expect(await run({ Dockerfile: latestViaArg })).toEqual(['dockerfile-latest-base Dockerfile:2']);
  });
});

describe('dockerfile-root-user', () => {
  it('expands USER variables and treats 0:0 as root', async () => {
    expect(await run({ Dockerfile: 'FROM alpine:3.20\nARG UID=0\nUSER ${UID}:0\n' })).toEqual(['dockerfile-root-user Dockerfile:3']);
    expect(await run({ Dockerfile: 'FROM alpine:3.20\nARG UID=1000\nUSER ${UID}\n' })).toEqual([]);
  });

  it('knows unprivileged base images', async () => {
    expect(await run({ Dockerfile: 'FROM cgr.dev/chainguard/static:latest-glibc\nCOPY app /app\n' })).toEqual([]);
    expect(await run({ Dockerfile: 'FROM bitnami/redis:7.2\n' })).toEqual([]);
  });
});

describe('dockerfile-requirements-not-installed', () => {
  const reqs = { 'api/requirements.txt': 'flask==3.0.3\n' };
  const dockerfile = (run: string, cmd = 'CMD ["gunicorn", "app:app"]') => `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n${run}\nUSER 1000\n${cmd}\n`;

  it.each([
    'RUN pip install --no-cache-dir -r requirements.txt',
    'RUN python -m pip install --requirement=requirements.txt',
    'RUN pip3 install -e .',
    'RUN uv pip install --system -r requirements.txt',
    'RUN uv sync --frozen',
    'RUN pipenv install --system --deploy',
  ])('accepts %s', async (install) => {
    expect(await run({ 'api/Dockerfile': dockerfile(install), ...reqs })).toEqual([]);
  });

  it('fires when only named packages are installed', async () => {
    expect(await run({ 'api/Dockerfile': dockerfile('RUN pip install flask'), ...reqs })).toEqual(['dockerfile-requirements-not-installed api/Dockerfile:1']);
  });

  it('stays silent when the image does not run Python, or no manifest is in the context', async () => {
    expect(await run({ 'api/Dockerfile': dockerfile('RUN true', 'CMD ["/bin/server"]'), ...reqs })).toEqual([]);
    expect(await run({ 'api/Dockerfile': dockerfile('RUN true'), 'requirements.txt': 'flask\n' })).toEqual([]);
  });
});

describe('dockerfile-secret', () => {
  it('reports secret files in COPY/ADD, in shell and JSON form', async () => {
    const files = {
      Dockerfile: 'FROM alpine:3.20\nCOPY ["deploy/id_rsa", "/root/.ssh/id_rsa"]\nADD .aws/credentials /root/.aws/\nCOPY certs/tls.pem /etc/tls/\nUSER 1000\n',
    };
    expect(await run(files)).toEqual(['dockerfile-secret Dockerfile:2', 'dockerfile-secret Dockerfile:3', 'dockerfile-secret Dockerfile:4']);
  });

  it('ignores settings about secrets, references, templates and public certificates', async () => {
    const files = {
      Dockerfile: [
        'FROM alpine:3.20',
        'ARG GITHUB_TOKEN',
        'ENV PASSWORD_FILE=/run/secrets/pw TOKEN_URL=https://auth.example.com/token SECRET_NAME=app',
        'ENV API_KEY=$API_KEY',
        'COPY .env.sample ca-bundle.pem ./',
        'COPY server.pem /usr/local/share/ca-certificates/server.crt',
        'USER 1000',
        '',
      ].join('\n'),
    };
    expect(await run(files)).toEqual([]);
  });

  it('never prints the credential in full', async () => {
    const findings = await scanFiles({ Dockerfile: 'FROM alpine:3.20\nENV STRIPE_SECRET=Qw3rTy7uIo9pAs2d\nUSER 1000\n' }, { onlyRules: ['dockerfile-secret'] });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).not.toContain('Qw3rTy7uIo9pAs2d');
  });
});
