import { describe, expect, it } from 'vitest';
import { disabledGuard } from '../../rules/risky-env/auth-disabled.js';
import { isMockSetting } from '../../rules/risky-env/mock-mode.js';
import { debugSetting } from '../../rules/risky-env/debug-enabled.js';
import { isLocalOrExampleFile, normalizeEnvName } from '../../rules/risky-env/env-flags.js';

describe('normalizeEnvName', () => {
  it.each([
    ['LOG_LEVEL', 'LOG_LEVEL'],
    ['logLevel', 'LOG_LEVEL'],
    ['verifySSL', 'VERIFY_SSL'],
    ['auth.enabled', 'AUTH_ENABLED'],
    ['log-level', 'LOG_LEVEL'],
    ['xpack.security.enabled', 'XPACK_SECURITY_ENABLED'],
  ])('%s -> %s', (name, expected) => expect(normalizeEnvName(name)).toBe(expected));
});

describe('auth-disabled flags', () => {
  it.each([
    ['USE_JWT_AUTH', 'false', 'auth'],
    ['ORDERS_USE_JWT_AUTH', '0', 'auth'],
    ['DISABLE_AUTH', 'true', 'auth'],
    ['AUTH_DISABLED', 'yes', 'auth'],
    ['ADMIN_AUTH_ENABLED', 'false', 'auth'],
    ['AUTHENTICATION_ENABLED', 'False', 'auth'],
    ['REQUIRE_AUTH', 'no', 'auth'],
    ['ALLOW_EMPTY_PASSWORD', 'yes', 'auth'],
    ['GF_AUTH_ANONYMOUS_ENABLED', 'true', 'auth'],
    ['POSTGRES_HOST_AUTH_METHOD', 'trust', 'auth'],
    ['AUTH_TYPE', 'none', 'auth'],
    ['xpack.security.enabled', 'false', 'auth'],
    ['VERIFY_SSL', 'false', 'tls'],
    ['PAYMENTS_VERIFY_SSL', '"false"', 'tls'],
    ['verifySsl', 'false', 'tls'],
    ['NODE_TLS_REJECT_UNAUTHORIZED', '0', 'tls'],
    ['PYTHONHTTPSVERIFY', '0', 'tls'],
    ['KAFKA_TLS_VERIFY', 'false', 'tls'],
    ['SSL_CERT_VERIFICATION', 'off', 'tls'],
    ['REDIS_INSECURE_SKIP_VERIFY', 'true', 'tls'],
    ['INSECURE_SKIP_TLS_VERIFY', '1', 'tls'],
    ['GIT_SSL_NO_VERIFY', 'true', 'tls'],
    ['SKIP_TLS_VERIFY', 'true', 'tls'],
    ['NO_VERIFY_SSL', 'true', 'tls'],
  ])('%s=%s turns %s off', (name, value, guard) => {
    expect(disabledGuard(name, value)).toBe(guard);
  });

  it.each([
    ['AUTH_ENABLED', 'true'],
    ['USE_JWT_AUTH', 'true'],
    ['DISABLE_AUTH', 'false'],
    ['VERIFY_SSL', 'true'],
    ['NO_VERIFY_SSL', 'false'],
    ['NODE_TLS_REJECT_UNAUTHORIZED', '1'],
    ['PASSWORD_MIN_LENGTH', '12'],
    ['TOKEN_TTL_SECONDS', '3600'],
    ['OTEL_EXPORTER_OTLP_INSECURE', 'true'],
    ['VERIFY_TOKEN', 'a8f5f167f44f4964e6c998dee827110c'],
    ['OAUTH_ENABLED', 'false'],
    ['AUTH_TYPE', 'oidc'],
    ['SSL_MODE', 'disable'],
  ])('%s=%s is not reported', (name, value) => {
    expect(disabledGuard(name, value)).toBeUndefined();
  });
});

describe('mock-mode settings', () => {
  it.each([
    ['PAYMENT_MODE', 'mock'],
    ['MODE', 'fake'],
    ['EMAIL_MODE', 'Stub'],
    ['SMS_PROVIDER', 'fake'],
    ['STORAGE_BACKEND', 'mock'],
    ['USE_MOCKS', 'true'],
    ['USE_MOCK_PAYMENTS', '1'],
    ['PAYMENTS_MOCK', 'yes'],
    ['MOCK_MODE', 'true'],
    ['paymentMode', 'mock'],
  ])('%s=%s is a mock', (name, value) => expect(isMockSetting(name, value)).toBe(true));

  it.each([
    ['PAYMENT_MODE', 'live'],
    ['RUN_MODE', 'worker'],
    ['USE_MOCKS', 'false'],
    ['MOCK_SERVER_URL', 'http://wiremock:8080'],
    ['MOCKINGBIRD_MODE', 'on'],
    ['PAYMENT_MODE', 'mockingbird'],
  ])('%s=%s is not', (name, value) => expect(isMockSetting(name, value)).toBe(false));
});

describe('debug-enabled settings', () => {
  it.each([
    ['LOG_LEVEL', 'DEBUG'],
    ['LOGLEVEL', 'trace'],
    ['logLevel', 'debug'],
    ['LOGGING_LEVEL_ROOT', 'TRACE'],
    ['LOGGING_LEVEL_COM_EXAMPLE', 'debug'],
    ['DEBUG', 'true'],
    ['DEBUG', '*'],
    ['DEBUG', 'express:*'],
    ['FLASK_DEBUG', '1'],
    ['DJANGO_DEBUG', 'True'],
    ['DEBUG_MODE', 'on'],
    ['ENABLE_DEBUG', 'yes'],
    ['GIN_MODE', 'debug'],
    ['NODE_ENV', 'development'],
    ['ASPNETCORE_ENVIRONMENT', 'Development'],
    ['JAVA_TOOL_OPTIONS', '-agentlib:jdwp=transport=dt_socket,server=y,address=*:5005'],
    ['JAVA_OPTS', '-Xmx1g -Xrunjdwp:transport=dt_socket'],
    ['NODE_OPTIONS', '--max-old-space-size=512 --inspect=0.0.0.0:9229'],
  ])('%s=%s enables debugging', (name, value) => expect(debugSetting(name, value)).toBeTruthy());

  it.each([
    ['LOG_LEVEL', 'info'],
    ['LOG_LEVEL', 'warn'],
    ['DEBUG', 'false'],
    ['DEBUG', '0'],
    ['FLASK_DEBUG', '0'],
    ['DEBUG_PORT', '9229'],
    ['GIN_MODE', 'release'],
    ['NODE_ENV', 'production'],
    ['JAVA_TOOL_OPTIONS', '-Xmx512m'],
    ['NODE_OPTIONS', '--max-old-space-size=512'],
    ['DEBUG', 'no'],
  ])('%s=%s does not', (name, value) => expect(debugSetting(name, value)).toBeUndefined());
});

describe('isLocalOrExampleFile', () => {
  it.each(['.env.local', '.env.example', 'config/.env.development', 'docker-compose.override.yml', 'docker-compose.dev.yml', 'k8s/overlays/dev/patch.yaml', 'test/app.yaml', 'values-local.yaml', '.env.template', 'compose.override.yaml'])(
    '%s is local',
    (p) => expect(isLocalOrExampleFile(p)).toBe(true),
  );
  it.each(['.env', 'docker-compose.yml', 'k8s/overlays/prod/patch.yaml', 'deploy/devices.yaml', 'examples/k8s/app.yaml', 'k8s/latest/app.yaml', 'values.override.yaml', 'k8s/pod-template.yaml', 'deploy/testimonials.yaml'])(
    '%s is not',
    (p) => expect(isLocalOrExampleFile(p)).toBe(false),
  );
});
