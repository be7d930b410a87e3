// Credential formats kubelint recognises in any text. Each detector names the cheap keywords
// one of which must occur in the (lower-cased) text before its regular expression runs, as
// gitleaks does. Every expression uses bounded quantifiers only and no quantified group that
// itself holds a quantifier, so no input can make it backtrack catastrophically
// (test/secrets/redos.test.ts checks both the shapes and adversarial inputs).
import { judgeSecretValue, isSecretName, type ValueJudgement } from './names.js';
import { looksRandom } from './entropy.js';
import { findPemKeys, findPuttyKeys, judgeKeyBlock } from './private-keys.js';

export interface RawMatch {
  /** Offsets of the secret itself in the text. */
  start: number;
  end: number;
  secret: string;
  /** Extra words for the message ("RSA private key"). */
  detail?: string;
}

export interface Detector {
  id: string;
  /** What was found, for messages: "GitHub personal access token". */
  title: string;
  /** Lower-case substrings; the detector runs only when one occurs in the lower-cased text. */
  keywords: string[];
  /** Lower-case substrings that must all occur too (context such as `service_account`). */
  requires?: string[];
  /** Global regex with hasIndices; the secret is group `secret` (else group 1, else the match). */
  pattern?: RegExp;
  /** A hand-written finder instead of `pattern`; `lower` is the text lower-cased, when at hand. */
  find?(text: string, lower?: string): RawMatch[];
  /** Extra check of a candidate; `text` and the match offsets give context. */
  validate?(secret: string, text: string, start: number, end: number): boolean;
  /** Judge the found value; defaults to judgeSecretValue (placeholders, templates, examples). */
  judge?(secret: string): ValueJudgement;
  /** Generic detectors lose overlaps against specific ones. */
  generic?: boolean;
}

const re = (source: string, flags = ''): RegExp => new RegExp(source, `gd${flags}`);

/** Characters around a match, for context checks. */
function around(text: string, start: number, end: number, radius: number): string {
  return text.slice(Math.max(0, start - radius), Math.min(text.length, end + radius));
}

function base64Decode(s: string): string {
  try {
    return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  } catch {
    return '';
  }
}

/** A JWT's header decodes to JSON naming its algorithm. */
function isJwt(token: string): boolean {
  const header = base64Decode(token.slice(0, token.indexOf('.')));
  return /^\s*\{/.test(header) && /"(?:alg|typ)"\s*:/.test(header);
}

/** A value next to a secret-named key (`password = value`), judged by entropy. */
const GENERIC_ASSIGNMENT = re(
  String.raw`(?<![A-Za-z0-9_.])(?<key>[A-Za-z_][A-Za-z0-9_.-]{0,80})["']?[ \t]{0,10}(?::=|=>|=|:)[ \t]{0,10}(?:"(?<dq>[^"\r\n]{1,300})"|'(?<sq>[^'\r\n]{1,300})'|(?<bare>[^\s"'\x60,;#(){}\[\]<>|]{1,300}))`,
);

/**
 * Words a secret name is made of; only lines holding one are parsed for assignments. In the
 * lower-cased text they are found by literal searches (secretWordStarts); this expression, which
 * means the same, serves texts whose lower-cased form has other offsets.
 */
const SECRET_WORD_ANY_CASE = /pass|pwd|secret|token|cred|(?:api|private|access|signing|encryption|master|auth|account|shared|ssh|deploy)[\W_]?key/gi;
const KEY_PREFIXES = ['api', 'private', 'access', 'signing', 'encryption', 'master', 'auth', 'account', 'shared', 'ssh', 'deploy'];

/** `[\W_]`: anything but an ASCII letter or digit. */
function isKeySeparator(code: number): boolean {
  return !((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122));
}

/**
 * Offsets in a lower-cased text where SECRET_WORD_ANY_CASE matches, ascending. The expression
 * tried all its alternatives at every position; here a few literal searches find every candidate
 * (`k` for token and key, `cre` for secret and cred, and pass and pwd themselves), and a `key`
 * counts with one of the prefixes before it.
 */
export function secretWordStarts(lower: string): number[] {
  const starts: number[] = [];
  for (let at = lower.indexOf('k'); at >= 0; at = lower.indexOf('k', at + 1)) {
    if (at >= 2 && lower.startsWith('token', at - 2)) starts.push(at - 2);
    else if (lower.startsWith('key', at)) {
      const separated = at > 0 && isKeySeparator(lower.charCodeAt(at - 1));
      for (const prefix of KEY_PREFIXES) {
        if (lower.endsWith(prefix, at)) starts.push(at - prefix.length);
        if (separated && lower.endsWith(prefix, at - 1)) starts.push(at - 1 - prefix.length);
      }
    }
  }
  // (`p` itself is too common in manifests: the words are searched for whole.)
  for (const word of ['pass', 'pwd']) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) starts.push(at);
  }
  for (let at = lower.indexOf('cre'); at >= 0; at = lower.indexOf('cre', at + 1)) {
    if (lower.startsWith('d', at + 3)) starts.push(at);
    else if (at >= 2 && lower.startsWith('secret', at - 2)) starts.push(at - 2);
  }
  return starts.sort((a, b) => a - b);
}

/** Where SECRET_WORD_ANY_CASE matches in `text`, ascending; `lower` is its lower-cased form, if at hand. */
function secretWordOffsets(text: string, lower?: string): number[] {
  if (lower !== undefined && lower.length === text.length) return secretWordStarts(lower);
  SECRET_WORD_ANY_CASE.lastIndex = 0;
  return [...text.matchAll(SECRET_WORD_ANY_CASE)].map((m) => m.index!);
}

/**
 * `scheme://user:password@host`, as `(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]{1,20}://…` with the `i` flag
 * would find it, but found from each `://` (a fast literal search) instead of trying every letter
 * of the text as the start of a scheme: the scheme is the run of scheme characters before `://`.
 */
const URL_AFTER_SCHEME = /:\/\/[^\s:@/'"\x60]{1,128}:(?<secret>[^\s@/'"\x60]{1,256})@[A-Za-z0-9_.\[\]-]{1,253}/y;
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const LETTER = /[A-Za-z]/;

export function findUrlCredentials(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  let searchedTo = 0;
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 1)) {
    let start = at;
    while (start > 0 && at - start <= 21 && SCHEME_CHAR.test(text[start - 1])) start--;
    const length = at - start;
    // A match cannot begin inside the previous one, nor inside a longer run of scheme characters.
    if (length < 2 || length > 21 || start < searchedTo || !LETTER.test(text[start])) continue;
    URL_AFTER_SCHEME.lastIndex = at;
    const m = URL_AFTER_SCHEME.exec(text);
    if (!m) continue;
    // The user part holds no ':', so the password starts after the first ':' past the '://'.
    const secret = m.groups!.secret;
    const from = text.indexOf(':', at + 3) + 1;
    out.push({ start: from, end: from + secret.length, secret });
    searchedTo = URL_AFTER_SCHEME.lastIndex;
    at = searchedTo - 1;
  }
  return out;
}

function findGenericAssignments(text: string, lower?: string): RawMatch[] {
  const out: RawMatch[] = [];
  // Each line holding a secret word, once, in order.
  let done = 0;
  for (const at of secretWordOffsets(text, lower)) {
    if (at < done) continue;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const newline = text.indexOf('\n', at);
    const lineEnd = newline < 0 ? text.length : newline;
    done = lineEnd;
    const line = text.slice(lineStart, lineEnd);
    GENERIC_ASSIGNMENT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = GENERIC_ASSIGNMENT.exec(line))) {
      const g = m.groups!;
      if (!isSecretName(g.key)) continue;
      const which = g.dq !== undefined ? 'dq' : g.sq !== undefined ? 'sq' : 'bare';
      const value = g[which];
      const [start, end] = m.indices!.groups![which]!;
      if (!isGenericSecretValue(value, which === 'bare')) continue;
      out.push({ start: lineStart + start, end: lineStart + end, secret: value, detail: `under "${g.key}"` });
    }
  }
  return out;
}

/** `default/ca-secret`, `db-credentials`: Kubernetes names and namespace/name references made of words. */
function isWordyName(value: string): boolean {
  return /^[a-z0-9][a-z0-9.-]{0,252}(?:\/[a-z0-9][a-z0-9.-]{0,252})?$/.test(value) && /[-/.]/.test(value) && value.split(/[-/.]/).every((w) => /^[a-z]*$/.test(w));
}

/** Random-looking, and not code (`config.get`, `os.environ`), a name reference or a variable reference. */
export function isGenericSecretValue(value: string, bare: boolean): boolean {
  if (!looksRandom(value)) return false;
  if (isWordyName(value)) return false;
  if (/^[A-Za-z_$][\w$-]{0,80}(?:\.[A-Za-z_$][\w$-]{0,80}){1,10}$/.test(value)) return false;
  if (bare && /^[A-Za-z_$][\w$]{0,80}$/.test(value) && !/\d/.test(value)) return false;
  if (/^(?:sha256|sha512|md5|sha1):/i.test(value)) return false;
  // Kubernetes quantities, versions, UUID-free numbers: settings, not secrets.
  if (/^[\d.]{1,40}[a-zA-Z]{0,3}$/.test(value)) return false;
  return true;
}

export const DETECTORS: Detector[] = [
  {
    id: 'private-key',
    title: 'private key',
    keywords: ['private key'],
    find: (text) =>
      findPemKeys(text).map((b) => ({ start: b.start, end: b.end, secret: b.text, detail: `${b.kind || 'PKCS#8'} block` })),
    judge: judgeKeyBlock,
  },
  {
    id: 'putty-private-key',
    title: 'PuTTY private key',
    keywords: ['putty-user-key-file'],
    find: (text) => findPuttyKeys(text).map((b) => ({ start: b.start, end: b.end, secret: b.text })),
    judge: judgeKeyBlock,
  },
  {
    id: 'kubeconfig-client-key',
    title: 'kubeconfig client private key (base64 PEM)',
    keywords: ['client-key-data'],
    pattern: re(String.raw`client-key-data["']?[ \t]{0,5}:[ \t]{0,5}["']?(?<secret>[A-Za-z0-9+/]{100,20000}={0,2})`),
    validate: (s) => /PRIVATE KEY/.test(Buffer.from(s.slice(0, 64), 'base64').toString('latin1')),
    judge: () => 'real',
  },
  {
    id: 'aws-access-key-id',
    title: 'AWS access key ID',
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    pattern: re(String.raw`(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9])`),
  },
  {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    keywords: ['secret_access_key', 'secretaccesskey', 'secret-access-key', 'aws_secret_key', 'aws_secret'],
    pattern: re(
      String.raw`(?:aws[_-]?)?secret[_-]?(?:access[_-]?)?key["']?[ \t]{0,5}(?::|=|=>)[ \t]{0,5}["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
      'i',
    ),
  },
  {
    id: 'gcp-service-account-key',
    title: 'Google Cloud service account key',
    keywords: ['private_key_id'],
    requires: ['service_account'],
    pattern: re(String.raw`"private_key_id"[ \t]{0,5}:[ \t]{0,5}"(?<secret>[a-f0-9]{40})"`),
  },
  {
    id: 'google-api-key',
    title: 'Google API key',
    keywords: ['aiza'],
    pattern: re(String.raw`(?<![A-Za-z0-9_-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])`),
  },
  {
    id: 'google-oauth-client-secret',
    title: 'Google OAuth client secret',
    keywords: ['gocspx-'],
    pattern: re(String.raw`(?<secret>GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])`),
  },
  {
    id: 'azure-storage-account-key',
    title: 'Azure storage account key',
    keywords: ['accountkey'],
    pattern: re(String.raw`AccountKey[ \t]{0,3}=[ \t]{0,3}(?<secret>[A-Za-z0-9+/]{86}==)`, 'i'),
  },
  {
    id: 'azure-shared-access-key',
    title: 'Azure Service Bus / Event Hubs / IoT Hub shared access key',
    keywords: ['sharedaccesskey='],
    pattern: re(String.raw`SharedAccessKey[ \t]{0,3}=[ \t]{0,3}(?<secret>[A-Za-z0-9+/]{42,44}=)`, 'i'),
  },
  {
    id: 'azure-sas-token',
    title: 'Azure shared access signature',
    keywords: ['sig='],
    pattern: re(String.raw`[?&]sig=(?<secret>[A-Za-z0-9%+/]{40,120}(?:%3D|=){0,2})`),
    // A SAS carries its service version `sv=` and expiry `se=` next to the signature.
    validate: (_s, text, start, end) => /[?&]sv=\d{4}-\d\d-\d\d/.test(around(text, start, end, 600)),
  },
  {
    id: 'azure-ad-client-secret',
    title: 'Azure AD (Entra ID) client secret',
    keywords: ['q~'],
    pattern: re(String.raw`(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])`),
  },
  {
    id: 'github-token',
    title: 'GitHub token',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: re(String.raw`(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36,251})(?![A-Za-z0-9_])`),
  },
  {
    id: 'github-fine-grained-pat',
    title: 'GitHub fine-grained personal access token',
    keywords: ['github_pat_'],
    pattern: re(String.raw`(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])`),
  },
  {
    id: 'gitlab-token',
    title: 'GitLab token',
    keywords: ['glpat-', 'gldt-', 'glrt-', 'glcbt-', 'glptt-', 'glft-', 'glimt-', 'glagent-', 'glsoat-', 'gloas-'],
    pattern: re(
      String.raw`(?<![A-Za-z0-9_-])(?<secret>(?:glpat|gldt|glrt|glcbt|glptt|glft|glimt|glagent|glsoat|gloas)-[A-Za-z0-9_.-]{20,80})(?![A-Za-z0-9_-])`,
    ),
  },
  {
    id: 'slack-token',
    title: 'Slack token',
    keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxs-', 'xoxr-', 'xoxe-', 'xapp-'],
    pattern: re(String.raw`(?<![A-Za-z0-9])(?<secret>(?:xox[abposre]|xapp)-[0-9A-Za-z-]{10,250})(?![A-Za-z0-9-])`),
    validate: (s) => /\d{4}/.test(s),
  },
  {
    id: 'slack-webhook',
    title: 'Slack incoming webhook URL',
    keywords: ['hooks.slack.com'],
    pattern: re(String.raw`hooks\.slack\.com/(?:services|workflows|triggers)/(?<secret>[A-Za-z0-9_/+-]{20,150})`),
  },
  {
    id: 'teams-webhook',
    title: 'Microsoft Teams webhook URL',
    keywords: ['webhook.office.com', 'outlook.office.com/webhook', 'logic.azure.com'],
    pattern: re(
      String.raw`(?:\.webhook\.office\.com/webhookb2/|outlook\.office\.com/webhook/|logic\.azure\.com(?::443)?/workflows/)(?<secret>[A-Za-z0-9@/._?=&%-]{40,600})`,
    ),
    validate: (s) => /[0-9a-f]{8}-[0-9a-f]{4}-|[0-9a-f]{32}/i.test(s),
  },
  {
    id: 'discord-webhook',
    title: 'Discord webhook URL',
    keywords: ['/api/webhooks/'],
    pattern: re(String.raw`discord(?:app)?\.com/api/webhooks/(?<secret>\d{17,20}/[A-Za-z0-9_-]{60,70})`),
  },
  {
    id: 'openai-api-key',
    title: 'OpenAI API key',
    keywords: ['t3blbkfj'],
    pattern: re(
      String.raw`(?<![A-Za-z0-9_-])(?<secret>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,200}T3BlbkFJ[A-Za-z0-9_-]{16,200})(?![A-Za-z0-9_-])`,
    ),
  },
  {
    id: 'anthropic-api-key',
    title: 'Anthropic API key',
    keywords: ['sk-ant-'],
    pattern: re(String.raw`(?<secret>sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,120})(?![A-Za-z0-9_-])`),
  },
  {
    id: 'stripe-live-key',
    title: 'Stripe live secret key',
    keywords: ['sk_live_', 'rk_live_'],
    pattern: re(String.raw`(?<![A-Za-z0-9_])(?<secret>[sr]k_live_[A-Za-z0-9]{20,247})(?![A-Za-z0-9_])`),
  },
  {
    id: 'stripe-webhook-secret',
    title: 'Stripe webhook signing secret',
    keywords: ['whsec_'],
    pattern: re(String.raw`(?<![A-Za-z0-9_])(?<secret>whsec_[A-Za-z0-9+/]{32,80})(?![A-Za-z0-9_])`),
  },
  {
    id: 'twilio-api-key',
    title: 'Twilio API key',
    keywords: ['twilio'],
    pattern: re(String.raw`(?<![A-Za-z0-9])(?<secret>SK[0-9a-fA-F]{32})(?![A-Za-z0-9])`),
  },
  {
    id: 'twilio-auth-token',
    title: 'Twilio auth token',
    keywords: ['twilio'],
    pattern: re(
      String.raw`twilio[A-Za-z0-9_]{0,30}auth[_-]?token["']?[ \t]{0,5}(?::|=|=>)[ \t]{0,5}["']?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])`,
      'i',
    ),
  },
  {
    id: 'sendgrid-api-key',
    title: 'SendGrid API key',
    keywords: ['sg.'],
    pattern: re(String.raw`(?<![A-Za-z0-9_-])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])`),
  },
  {
    id: 'mailgun-api-key',
    title: 'Mailgun API key',
    keywords: ['mailgun'],
    pattern: re(String.raw`(?<![A-Za-z0-9-])(?<secret>key-[0-9a-f]{32})(?![A-Za-z0-9])`),
  },
  {
    id: 'npm-token',
    title: 'npm access token',
    keywords: ['npm_'],
    pattern: re(String.raw`(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])`),
  },
  {
    id: 'npmrc-auth',
    title: 'registry credential in .npmrc',
    keywords: ['_authtoken', '_auth=', '_password='],
    pattern: re(String.raw`:(?:_authToken|_auth|_password)[ \t]{0,3}=[ \t]{0,3}(?<secret>[^\s$"'][^\s"']{7,500})`),
  },
  {
    id: 'pypi-token',
    title: 'PyPI upload token',
    keywords: ['pypi-ageicHlwaS5vcmc'.toLowerCase(), 'pypi-agendgvzdc5wexbplm9yzw'],
    pattern: re(String.raw`(?<secret>pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,400})`),
  },
  {
    id: 'age-secret-key',
    title: 'age secret key',
    keywords: ['age-secret-key-1'],
    pattern: re(String.raw`(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})`),
  },
  {
    id: 'jwt',
    title: 'JSON Web Token',
    keywords: ['eyj'],
    pattern: re(
      String.raw`(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{8,1000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{16,1000})(?![A-Za-z0-9_-])`,
    ),
    validate: (s) => isJwt(s),
  },
  {
    id: 'url-credentials',
    title: 'password in a URL',
    keywords: ['://'],
    requires: ['@'],
    find: findUrlCredentials,
  },
  {
    id: 'curl-basic-auth',
    title: 'password in a curl --user argument',
    keywords: ['curl'],
    pattern: re(
      String.raw`curl[ \t][^\n]{0,300}?[ \t](?:-u|--user)(?:[ \t]{1,5}|=)["']?[^\s"':]{1,100}:(?<secret>[^\s"']{1,200})`,
    ),
  },
  {
    id: 'connection-string-password',
    title: 'password in a connection string',
    keywords: ['password=', 'pwd='],
    pattern: re(String.raw`(?<![A-Za-z0-9_])(?:password|pwd)[ \t]{0,3}=[ \t]{0,3}(?<secret>[^;'"\r\n]{1,200})(?=;|$|["'])`, 'im'),
    // Only inside an ADO.NET/ODBC/JDBC-style string: other key=value pairs separated by `;`.
    validate: (_s, text, start, end) =>
      /(?:server|data source|host|user id|uid|user|database|initial catalog)[ \t]{0,3}=[^;\r\n]{0,200};/i.test(lineAround(text, start, end)),
  },
  {
    id: 'docker-config-auth',
    title: 'registry credential in a Docker config',
    keywords: ['"auth"'],
    pattern: re(String.raw`"auth"[ \t]{0,5}:[ \t]{0,5}"(?<secret>[A-Za-z0-9+/]{8,1000}={0,2})"`),
    validate: (s) => /^[^:\s]{1,200}:./.test(Buffer.from(s, 'base64').toString('utf8')),
    judge: (s) => judgeSecretValue(Buffer.from(s, 'base64').toString('utf8').split(':').slice(1).join(':')),
  },
  {
    id: 'digitalocean-token',
    title: 'DigitalOcean token',
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    pattern: re(String.raw`(?<secret>do[por]_v1_[a-f0-9]{64})(?![A-Za-z0-9])`),
  },
  {
    id: 'vault-token',
    title: 'HashiCorp Vault token',
    keywords: ['hvs.', 'hvb.'],
    pattern: re(String.raw`(?<![A-Za-z0-9_.-])(?<secret>hv[sb]\.[A-Za-z0-9_-]{90,200})(?![A-Za-z0-9_-])`),
  },
  {
    id: 'huggingface-token',
    title: 'Hugging Face token',
    keywords: ['hf_'],
    pattern: re(String.raw`(?<![A-Za-z0-9_])(?<secret>hf_[A-Za-z]{34})(?![A-Za-z0-9_])`),
  },
  {
    id: 'shopify-token',
    title: 'Shopify access token',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    pattern: re(String.raw`(?<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})(?![A-Za-z0-9])`),
  },
  {
    id: 'generic-secret-assignment',
    title: 'high-entropy value under a secret-named key',
    keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'creds'],
    find: findGenericAssignments,
    generic: true,
  },
];

/** The line holding a match, cut to 400 characters either side so context checks stay bounded. */
function lineAround(text: string, start: number, end: number): string {
  const window = around(text, start, end, 400);
  const offset = Math.max(0, start - 400);
  const ls = window.lastIndexOf('\n', start - offset) + 1;
  const le = window.indexOf('\n', end - offset);
  return window.slice(ls, le < 0 ? window.length : le);
}

/** Run one pattern detector over a text. */
export function runPattern(detector: Detector, text: string): RawMatch[] {
  const pattern = detector.pattern!;
  const out: RawMatch[] = [];
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text))) {
    if (m[0].length === 0) pattern.lastIndex++;
    const idx = m.indices!;
    const span = idx.groups?.secret ?? idx[1] ?? idx[0];
    const secret = text.slice(span[0], span[1]);
    out.push({ start: span[0], end: span[1], secret });
  }
  return out;
}
