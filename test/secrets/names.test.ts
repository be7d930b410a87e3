import { describe, expect, it } from 'vitest';
import { isNonSecretKey, isSecretName, judgeSecretValue, looksLikePlaceholder } from '../../src/secrets/names.js';

describe('isSecretName', () => {
  it.each([
    'PASSWORD', 'DB_PASSWORD', 'dbPassword', 'PASSWD', 'SECRET', 'CLIENT_SECRET', 'GITHUB_TOKEN', 'API_KEY', 'x-api-key',
    'apiKey', 'PRIVATE_KEY', 'ACCESS_KEY', 'AWS_SECRET_ACCESS_KEY', 'CREDENTIALS', 'GOOGLE_CREDENTIALS', 'REFRESH_TOKEN',
    'SECRET_KEY_BASE', 'VAULT_SECRET_ID', 'ssh-privatekey', 'SMTP_PASS', 'AGE_SECRET_KEY',
  ])('%s names a secret', (name) => expect(isSecretName(name)).toBe(true));

  it.each([
    'PASSWORD_MIN_LENGTH', 'TOKEN_TTL_SECONDS', 'MAX_TOKENS', 'SECRET_NAME', 'PASSWORD_FILE', 'TOKEN_URL', 'TOKEN_ENDPOINT',
    'AWS_ACCESS_KEY_ID', 'PWD', 'TOKENIZER', 'BYPASS', 'KEY', 'PASSWORD_RESET_ENABLED', 'SECRET_STORE_PROVIDER', 'LOG_LEVEL',
  ])('%s does not', (name) => expect(isSecretName(name)).toBe(false));
});

describe('judgeSecretValue / looksLikePlaceholder', () => {
  it.each([
    ['', 'empty'],
    ['${DB_PASSWORD}', 'templated'],
    ['{{ .Values.password }}', 'templated'],
    ['$(DB_PASSWORD)', 'templated'],
    ['$DB_PASSWORD', 'templated'],
    ['<token>', 'templated'],
    ['#{vault.secret}', 'templated'],
    ['ENC[AES256_GCM,data:abc,type:str]', 'encrypted'],
    ['changeme', 'placeholder'],
    ['REPLACE_ME', 'placeholder'],
    ['change-it', 'placeholder'],
    ['your-api-key-here', 'placeholder'],
    ['xxxxxxxxxxxx', 'placeholder'],
    ['sk_live_xxxxxxxxxxxxxxxx', 'placeholder'],
    ['********', 'placeholder'],
    ['true', 'placeholder'],
    ['/run/secrets/db-password', 'reference'],
    ['https://vault.internal/v1/secret/db', 'reference'],
    ['AKIAIOSFODNN7EXAMPLE', 'example'],
    ['my-example-password-1', 'example'],
    ['hunter2', 'real'],
    ['Zq8-mW2pL9xV4', 'real'],
    ['postgres://app:Zq8mW2pL@db/app', 'real'],
  ])('%j is %s', (value, judgement) => expect(judgeSecretValue(value)).toBe(judgement));

  it('a whole file held in one value is real unless it is only a template', () => {
    expect(judgeSecretValue('[client]\nuser=app\npassword=Zq8mW2pL\n')).toBe('real');
    expect(judgeSecretValue('{{ .Files.Get "config.ini" }}\n')).toBe('templated');
    // Indentation does not make a value look like filler.
    expect(judgeSecretValue('a:\n        b: Zq8mW2pL\n')).toBe('real');
  });

  it('looksLikePlaceholder is true for everything but real values', () => {
    expect(looksLikePlaceholder('${X}')).toBe(true);
    expect(looksLikePlaceholder('AKIAIOSFODNN7EXAMPLE')).toBe(true);
    expect(looksLikePlaceholder('Zq8-mW2pL9xV4')).toBe(false);
  });
});

describe('isNonSecretKey', () => {
  it('names the companions of a credential', () => {
    for (const k of ['username', 'user', 'db-host', 'port', 'database', 'client-id', 'region']) expect(isNonSecretKey(k), k).toBe(true);
    for (const k of ['password', 'api-key', 'token', 'tls.key', 'config.json']) expect(isNonSecretKey(k), k).toBe(false);
  });
});
