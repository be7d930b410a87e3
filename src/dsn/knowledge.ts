// Facts about drivers and servers the DSN rules rely on.

/** Default server port of each family, used when a URL names none. */
export const DEFAULT_PORTS: Record<string, number> = {
  postgresql: 5432, mysql: 3306, mongodb: 27017, redis: 6379, amqp: 5672, mssql: 1433, oracle: 1521,
  clickhouse: 8123, nats: 4222, memcached: 11211, elasticsearch: 9200, kafka: 9092,
};

/** Default port of a scheme (`https` differs from `http`, `amqps` from `amqp`). */
export function defaultPort(scheme: string | undefined, family: string | undefined): number | undefined {
  switch (scheme?.split('+')[0]) {
    case 'http': case 'ws': return 80;
    case 'https': case 'wss': return 443;
    case 'amqps': return 5671;
    case 'rediss': return 6379;
  }
  return family ? DEFAULT_PORTS[family] : undefined;
}

export interface AsyncpgTranslation {
  /** The asyncpg.connect() keyword to use instead, when there is one with the same meaning. */
  replacement?: string;
  /** What to do when there is no same-named replacement. */
  advice?: string;
}

/**
 * libpq keywords that SQLAlchemy passes straight to asyncpg.connect(), which rejects them with
 * `connect() got an unexpected keyword argument '<name>'`.
 */
export const ASYNCPG_REJECTED: Record<string, AsyncpgTranslation> = {
  connect_timeout: { replacement: 'timeout' },
  sslmode: { replacement: 'ssl' },
  sslrootcert: { advice: 'build an ssl.SSLContext with cafile=<the certificate> and pass it as connect_args={"ssl": ctx}' },
  sslcert: { advice: 'load the client certificate into an ssl.SSLContext and pass it as connect_args={"ssl": ctx}' },
  sslkey: { advice: 'load the client key into an ssl.SSLContext and pass it as connect_args={"ssl": ctx}' },
  sslcrl: { advice: 'configure the CRL on an ssl.SSLContext and pass it as connect_args={"ssl": ctx}' },
  sslpassword: { advice: 'load the key into an ssl.SSLContext and pass it as connect_args={"ssl": ctx}' },
  target_session_attrs: { advice: 'pass it through create_engine(..., connect_args={"target_session_attrs": ...}) with asyncpg 0.28 or newer, or drop it' },
  application_name: { advice: 'pass it as connect_args={"server_settings": {"application_name": ...}}' },
  options: { advice: 'pass server settings as connect_args={"server_settings": {...}}' },
  keepalives: { advice: 'remove it; asyncpg has no TCP keepalive keyword' },
  keepalives_idle: { advice: 'remove it; asyncpg has no TCP keepalive keyword' },
  keepalives_interval: { advice: 'remove it; asyncpg has no TCP keepalive keyword' },
  keepalives_count: { advice: 'remove it; asyncpg has no TCP keepalive keyword' },
  tcp_user_timeout: { advice: 'remove it; asyncpg has no such keyword' },
  gssencmode: { advice: 'remove it; asyncpg does not negotiate GSS encryption' },
  channel_binding: { advice: 'remove it; asyncpg has no such keyword' },
  client_encoding: { advice: 'remove it; asyncpg always uses UTF-8' },
  fallback_application_name: { advice: 'pass connect_args={"server_settings": {"application_name": ...}} instead' },
};

/** Parameters whose value must be a number, per family (`*` applies to every family). */
const NUMERIC_PARAMS: Record<string, string[]> = {
  '*': ['port', 'timeout', 'connect_timeout', 'command_timeout', 'pool_size', 'max_overflow', 'pool_timeout', 'pool_recycle'],
  postgresql: ['statement_cache_size', 'max_cached_statement_lifetime', 'max_cacheable_statement_size', 'keepalives_idle',
    'keepalives_interval', 'keepalives_count', 'tcp_user_timeout', 'min_size', 'max_size', 'prepared_statement_cache_size'],
  mysql: ['read_timeout', 'write_timeout', 'charset_timeout', 'pool_recycle'],
  mongodb: ['connecttimeoutms', 'sockettimeoutms', 'serverselectiontimeoutms', 'waitqueuetimeoutms', 'maxpoolsize', 'minpoolsize',
    'maxidletimems', 'heartbeatfrequencyms', 'localthresholdms', 'maxconnecting', 'wtimeoutms'],
  redis: ['db', 'socket_timeout', 'socket_connect_timeout', 'max_connections', 'health_check_interval'],
  amqp: ['heartbeat', 'connection_attempts', 'retry_delay', 'socket_timeout', 'blocked_connection_timeout', 'channel_max', 'frame_max', 'stack_timeout'],
};

export function isNumericParam(family: string | undefined, key: string): boolean {
  const k = key.toLowerCase();
  return NUMERIC_PARAMS['*'].includes(k) || (!!family && (NUMERIC_PARAMS[family] ?? []).includes(k));
}

/** Whether a numeric parameter counts milliseconds (MongoDB's `...MS` options) rather than seconds. */
export function isMillisecondParam(key: string): boolean {
  return /ms$/i.test(key);
}

/** libpq sslmode values that encrypt. `ssl=true` (JDBC, asyncpg) encrypts too. */
export const SSL_ENCRYPTING = new Set(['require', 'verify-ca', 'verify-full', 'true', '1', 'on', 'yes']);

/** Hosts that refuse unencrypted connections by default. */
export const SSL_ONLY_HOST_SUFFIXES = ['.postgres.database.azure.com'];

export const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', 'ip6-localhost']);

export function isLocalHost(host: string): boolean {
  const h = host.toLowerCase();
  return LOCAL_HOSTS.has(h) || /^127\.\d+\.\d+\.\d+$/.test(h) || h.endsWith('.localhost');
}
