// Which names say "this holds a secret", and which values are obviously not real secrets.
// Shared by every secret rule and by dockerfile-secret, so they judge alike.

/** Segments that, on their own, name a secret: DB_PASSWORD, githubToken, client-secret. */
const SECRET_SEGMENTS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'passphrase', 'secret', 'secrets', 'token', 'tokens',
  'credential', 'credentials', 'creds', 'apikey', 'privatekey', 'accesskey', 'secretkey',
  'signingkey', 'encryptionkey', 'masterkey', 'authkey', 'clientsecret', 'accesstoken', 'authtoken',
]);

/** Two adjacent segments that name a secret together: API_KEY, PRIVATE_KEY, ACCESS_KEY. */
const SECRET_PAIRS = new Set([
  'api key', 'private key', 'access key', 'secret key', 'signing key', 'encryption key', 'master key',
  'auth key', 'client secret', 'account key', 'shared key', 'ssh key', 'deploy key', 'webhook secret',
]);

/** Pairs that end in a setting segment but still are credentials (Vault AppRole `secret_id`). */
const CREDENTIAL_IDS = new Set(['secret id']);

/**
 * Segments that turn a secret-looking name into a setting about the secret, not the secret:
 * PASSWORD_MIN_LENGTH, TOKEN_TTL_SECONDS, SECRET_NAME, PASSWORD_FILE, TOKEN_URL, MAX_TOKENS.
 */
const SETTING_SEGMENTS = new Set([
  'min', 'max', 'length', 'len', 'ttl', 'timeout', 'seconds', 'secs', 'sec', 'ms', 'millis', 'minutes', 'mins',
  'hours', 'days', 'expiry', 'expires', 'expiration', 'lifetime', 'count', 'size', 'limit', 'interval',
  'policy', 'type', 'header', 'field', 'param', 'algorithm', 'alg', 'format', 'prefix', 'rotation', 'version',
  'file', 'path', 'dir', 'url', 'uri', 'endpoint', 'host', 'port', 'name', 'names', 'ref', 'id', 'arn',
  'enabled', 'disabled', 'enable', 'disable', 'required', 'require', 'mode', 'provider', 'store', 'backend',
  'location', 'mount', 'volume', 'source', 'issuer', 'audience', 'scope', 'scopes', 'rounds', 'cost',
  'strength', 'complexity', 'var', 'cache', 'kind',
]);

/** Split `dbPassword`, `DB_PASSWORD`, `x-api-key`, `auth.token` into lower-case segments. */
export function nameSegments(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Does this variable or key name say it holds a secret? PASSWORD, PASSWD, SECRET, TOKEN, API_KEY,
 * PRIVATE_KEY, ACCESS_KEY, CREDENTIALS and their relatives, as whole segments (TOKENIZER is not a
 * token). Settings about a secret are not secrets: PASSWORD_MIN_LENGTH, TOKEN_TTL_SECONDS,
 * SECRET_NAME, PASSWORD_FILE, MAX_TOKENS, AWS_ACCESS_KEY_ID.
 */
export function isSecretName(name: string): boolean {
  const segs = nameSegments(name);
  if (segs.length === 0) return false;
  // `PWD` alone is the shell's working directory.
  if (segs.length === 1 && segs[0] === 'pwd') return false;
  let hit = false;
  for (let i = 0; i < segs.length; i++) {
    if (SECRET_SEGMENTS.has(segs[i])) hit = true;
    else if (i + 1 < segs.length && SECRET_PAIRS.has(`${segs[i]} ${segs[i + 1]}`)) hit = true;
  }
  if (!hit) return false;
  for (let i = 0; i + 1 < segs.length; i++) if (CREDENTIAL_IDS.has(`${segs[i]} ${segs[i + 1]}`)) return true;
  return !segs.some((s) => SETTING_SEGMENTS.has(s));
}

/** Key segments of settings that travel with a credential but are not secret: username, host, port. */
const NON_SECRET_KEY_SEGMENTS = new Set([
  'user', 'username', 'login', 'host', 'hostname', 'port', 'database', 'db', 'dbname', 'name', 'region', 'email',
  'endpoint', 'server', 'project', 'bucket', 'tenant', 'client', 'id', 'schema', 'namespace', 'ssl', 'sslmode', 'driver',
]);

/**
 * A key inside a Secret that names a companion setting (`username`, `db-host`, `port`, `client-id`)
 * rather than a credential. A value there is reported only when it matches a credential format.
 */
export function isNonSecretKey(key: string): boolean {
  const segs = nameSegments(key);
  return segs.length > 0 && segs.every((s) => NON_SECRET_KEY_SEGMENTS.has(s));
}

export type ValueJudgement = 'empty' | 'templated' | 'encrypted' | 'reference' | 'placeholder' | 'example' | 'real';

/** Template and variable syntaxes: `${VAR}`, `{{ .Values.x }}`, `$(VAR)`, `$VAR`, `%VAR%`, `<token>`, `#{x}`, `@@x@@`. */
const TEMPLATED: RegExp[] = [
  /\$\{[^}\n]{0,200}\}/,
  /\{\{[^}\n]{0,400}\}\}/,
  /\$\([A-Za-z_][A-Za-z0-9_.-]{0,100}\)/,
  /^\$[A-Za-z_][A-Za-z0-9_]{0,100}$/,
  /^%[A-Za-z_][A-Za-z0-9_]{0,100}%$/,
  /^<[^<>\n]{1,100}>$/,
  /#\{[^}\n]{0,200}\}/,
  /^@@?[A-Za-z_][A-Za-z0-9_]{0,100}@@?$/,
  /^__[A-Z0-9_]{1,100}__$/,
];

/** Whole values that people write instead of a secret. Compared after lower-casing and dropping `-_. `. */
const PLACEHOLDER_WORDS = new Set([
  'changeme', 'changeit', 'replaceme', 'replace', 'placeholder', 'todo', 'tbd', 'fixme', 'redacted', 'none',
  'null', 'nil', 'undefined', 'empty', 'secret', 'password', 'passwd', 'pass', 'token', 'apikey', 'key',
  'mysecret', 'mypassword', 'yourpassword', 'yoursecret', 'yourtoken', 'yourapikey', 'dummy', 'test', 'testing',
  'true', 'false', 'yes', 'no', 'on', 'off', 'example', 'sample', 'value', 'foo', 'bar', 'foobar', 'xxx',
  'notset', 'unset', 'default', 'insertkeyhere', 'insertpasswordhere', 'secretvalue', 'tokenvalue',
]);

/** Values published in vendor documentation; reported at `info`, never as errors. */
const DOCUMENTATION_VALUES = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'AKIAI44QH8DHBEXAMPLE',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  // The jwt.io sample token.
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
]);

/** A long run of one visible character (`xxxxxxxx`, `00000000`, `********`) marks a filler value. */
function hasFillerRun(value: string): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value[i] === value[i - 1] && !/\s/.test(value[i]) ? run + 1 : 1;
    if (run >= 6) return true;
  }
  return false;
}

/**
 * Judge a candidate secret value. Only 'real' is reported as an error; 'example' (vendor
 * documentation values, anything containing EXAMPLE) is reported at info; everything else is skipped.
 */
export function judgeSecretValue(raw: string): ValueJudgement {
  const value = raw.trim().replace(/^(["'])(.*)\1$/s, '$2').trim();
  if (value === '') return 'empty';
  if (value.startsWith('ENC[') && value.endsWith(']')) return 'encrypted';
  // A whole file held in a value (a config file in a Secret): only a template makes it harmless.
  if (/\n/.test(value)) return /^\s*(?:\{\{[^}]{0,400}\}\}|\$\{[^}]{0,200}\})\s*$/.test(value) ? 'templated' : 'real';
  if (TEMPLATED.some((re) => re.test(value))) return 'templated';
  if (DOCUMENTATION_VALUES.has(value)) return 'example';
  const squashed = value.toLowerCase().replace(/[-_. ]/g, '');
  if (PLACEHOLDER_WORDS.has(squashed)) return 'placeholder';
  if (/^(?:your|insert|enter|replace|paste|fill|put)[a-z0-9]{0,40}$/.test(squashed) || /^[a-z0-9]{0,40}here$/.test(squashed)) {
    return 'placeholder';
  }
  if (/^(?:x+|\*+|\.+|#+|-+|0+|1+|\?+)$/i.test(value) || hasFillerRun(value)) return 'placeholder';
  if (/\.\.\.|…/.test(value) && value.length < 40) return 'placeholder';
  // Paths and plain URLs under a secret name point at the secret; they are not the secret.
  if (/^(?:\/|\.\.?\/|~\/)[\w./@+-]{0,400}$/.test(value) || /^file:\/\//.test(value)) return 'reference';
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/]{1,200}(?:[/?#][^\s@]{0,2000})?$/i.test(value)) return 'reference';
  if (/example/i.test(value)) return 'example';
  return 'real';
}

/**
 * True when a value is obviously not a real secret: empty, templated (`${X}`, `{{ }}`, `$(X)`,
 * `<token>`), a placeholder word (changeme, REPLACE_ME, xxxx), a SOPS `ENC[...]` value, a file
 * path or URL, or a vendor documentation example (AKIAIOSFODNN7EXAMPLE).
 */
export function looksLikePlaceholder(value: string): boolean {
  return judgeSecretValue(value) !== 'real';
}
