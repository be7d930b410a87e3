// Synthetic credentials in each detector's format. Every value is generated here from a fixed
// seed: none is, or ever was, a real credential.
import { createHash } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const B64 = `${ALNUM}+/`;

/** Deterministic pseudo-random text in `charset`, seeded by `seed`. */
export function fake(seed: string, charset: string, n: number): string {
  let out = '';
  let block = createHash('sha256').update(seed).digest();
  let i = 0;
  while (out.length < n) {
    if (i === block.length) {
      block = createHash('sha256').update(block).digest();
      i = 0;
    }
    out += charset[block[i++] % charset.length];
  }
  return out;
}

const pemBody = (seed: string): string =>
  fake(seed, B64, 256).match(/.{1,64}/g)!.join('\n');

export const AWS_KEY_ID = `AKIA${fake('aws-id', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
export const AWS_SECRET = fake('aws-secret', B64, 40);
export const GITHUB_PAT = `ghp_${fake('ghp', ALNUM, 36)}`;
export const JWT = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"kubelint-fixture","iat":1700000000}').toString('base64url')}.${fake('jwt', ALNUM, 43)}`;

/** detector id -> texts it must find (the secret is the `secret` substring). */
export const POSITIVE: Record<string, { text: string; secret: string }[]> = {
  'private-key': [
    ...['RSA ', 'DSA ', 'EC ', '', 'ENCRYPTED ', 'OPENSSH '].map((kind) => {
      const secret = `-----BEGIN ${kind}PRIVATE KEY-----\n${pemBody(kind)}\n-----END ${kind}PRIVATE KEY-----`;
      return { text: `key: |\n${secret}\n`, secret };
    }),
    (() => {
      const secret = `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${pemBody('pgp')}\n-----END PGP PRIVATE KEY BLOCK-----`;
      return { text: secret, secret };
    })(),
    (() => {
      const secret = `---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n${pemBody('ssh2')}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----`;
      return { text: secret, secret };
    })(),
    (() => {
      // GCP service-account JSON keeps the key on one line with \n escapes.
      const secret = `-----BEGIN PRIVATE KEY-----\\n${fake('gcp-pem', B64, 200)}\\n-----END PRIVATE KEY-----`;
      return { text: `{"private_key": "${secret}\\n"}`, secret };
    })(),
  ],
  'putty-private-key': [
    (() => {
      const secret = `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: kubelint\nPublic-Lines: 2\n${fake('pp', B64, 64)}\n${fake('pp2', B64, 40)}\nPrivate-Lines: 1\n${fake('pp3', B64, 64)}\nPrivate-MAC: ${fake('pp4', HEX, 64)}`;
      return { text: `${secret}\n`, secret };
    })(),
  ],
  'kubeconfig-client-key': [
    (() => {
      const secret = Buffer.from(`-----BEGIN RSA PRIVATE KEY-----\n${pemBody('kc')}\n-----END RSA PRIVATE KEY-----\n`).toString('base64');
      return { text: `users:\n- name: admin\n  user:\n    client-key-data: ${secret}\n`, secret };
    })(),
  ],
  'aws-access-key-id': [{ text: `aws_access_key_id = ${AWS_KEY_ID}\n`, secret: AWS_KEY_ID }],
  'aws-secret-access-key': [
    { text: `aws_secret_access_key = ${AWS_SECRET}\n`, secret: AWS_SECRET },
    { text: `"SecretAccessKey": "${AWS_SECRET}"`, secret: AWS_SECRET },
  ],
  'gcp-service-account-key': [
    (() => {
      const secret = fake('gcp-kid', HEX, 40);
      return { text: `{\n  "type": "service_account",\n  "project_id": "demo",\n  "private_key_id": "${secret}"\n}`, secret };
    })(),
  ],
  'google-api-key': [(() => { const s = `AIza${fake('gapi', `${ALNUM}_-`, 35)}`; return { text: `key=${s}&q=1`, secret: s }; })()],
  'google-oauth-client-secret': [(() => { const s = `GOCSPX-${fake('gocspx', ALNUM, 28)}`; return { text: `client_secret: ${s}`, secret: s }; })()],
  'azure-storage-account-key': [
    (() => {
      const s = `${fake('azsa', B64, 86)}==`;
      return { text: `DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=${s};EndpointSuffix=core.windows.net`, secret: s };
    })(),
  ],
  'azure-shared-access-key': [
    (() => {
      const s = `${fake('azsb', B64, 43)}=`;
      return { text: `Endpoint=sb://demo.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${s}`, secret: s };
    })(),
  ],
  'azure-sas-token': [
    (() => {
      const s = `${fake('sas', ALNUM, 43)}%3D`;
      return { text: `https://demo.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&sig=${s}`, secret: s };
    })(),
  ],
  'azure-ad-client-secret': [(() => { const s = `${fake('aad1', ALNUM, 3)}8Q~${fake('aad2', `${ALNUM}_~.-`, 34)}`; return { text: `AZURE_CLIENT_SECRET="${s}"`, secret: s }; })()],
  'github-token': [
    { text: `token: ${GITHUB_PAT}`, secret: GITHUB_PAT },
    ...['gho', 'ghu', 'ghs', 'ghr'].map((p) => { const s = `${p}_${fake(p, ALNUM, 36)}`; return { text: `x ${s} y`, secret: s }; }),
  ],
  'github-fine-grained-pat': [(() => { const s = `github_pat_${fake('fg1', ALNUM, 22)}_${fake('fg2', ALNUM, 59)}`; return { text: s, secret: s }; })()],
  'gitlab-token': [
    (() => { const s = `glpat-${fake('glpat', ALNUM, 20)}`; return { text: `GITLAB=${s}`, secret: s }; })(),
    (() => { const s = `glrt-${fake('glrt', ALNUM, 24)}`; return { text: `runner ${s}`, secret: s }; })(),
  ],
  'slack-token': [
    (() => { const s = `xoxb-${fake('sl1', '0123456789', 12)}-${fake('sl2', '0123456789', 13)}-${fake('sl3', ALNUM, 24)}`; return { text: `SLACK=${s}`, secret: s }; })(),
    (() => { const s = `xapp-1-A${fake('xa1', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}-${fake('xa2', '0123456789', 13)}-${fake('xa3', HEX, 64)}`; return { text: s, secret: s }; })(),
  ],
  'slack-webhook': [
    (() => { const s = `T${fake('sw1', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 8)}/B${fake('sw2', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}/${fake('sw3', ALNUM, 24)}`; return { text: `url: https://hooks.slack.com/services/${s}`, secret: s }; })(),
  ],
  'teams-webhook': [
    (() => {
      const g = (x: string) => `${fake(x + 'a', HEX, 8)}-${fake(x + 'b', HEX, 4)}-${fake(x + 'c', HEX, 4)}-${fake(x + 'd', HEX, 4)}-${fake(x + 'e', HEX, 12)}`;
      const s = `${g('t1')}@${g('t2')}/IncomingWebhook/${fake('t3', HEX, 32)}/${g('t4')}`;
      return { text: `https://contoso.webhook.office.com/webhookb2/${s}`, secret: s };
    })(),
  ],
  'discord-webhook': [(() => { const s = `${fake('dw1', '0123456789', 18)}/${fake('dw2', `${ALNUM}_-`, 68)}`; return { text: `https://discord.com/api/webhooks/${s}`, secret: s }; })()],
  'openai-api-key': [(() => { const s = `sk-proj-${fake('oa1', ALNUM, 20)}T3BlbkFJ${fake('oa2', ALNUM, 20)}`; return { text: `OPENAI=${s}`, secret: s }; })()],
  'anthropic-api-key': [(() => { const s = `sk-ant-api03-${fake('an', `${ALNUM}_-`, 93)}AA`; return { text: `key: ${s}`, secret: s }; })()],
  'stripe-live-key': [(() => { const s = `sk_live_${fake('st', ALNUM, 24)}`; return { text: `stripe: ${s}`, secret: s }; })()],
  'stripe-webhook-secret': [(() => { const s = `whsec_${fake('wh', ALNUM, 32)}`; return { text: `hook: ${s}`, secret: s }; })()],
  'twilio-api-key': [(() => { const s = `SK${fake('tw', HEX, 32)}`; return { text: `twilio_api_key: ${s}`, secret: s }; })()],
  'twilio-auth-token': [(() => { const s = fake('twa', HEX, 32); return { text: `TWILIO_AUTH_TOKEN=${s}`, secret: s }; })()],
  'sendgrid-api-key': [(() => { const s = `SG.${fake('sg1', `${ALNUM}_-`, 22)}.${fake('sg2', `${ALNUM}_-`, 43)}`; return { text: `SENDGRID=${s}`, secret: s }; })()],
  'mailgun-api-key': [(() => { const s = `key-${fake('mg', HEX, 32)}`; return { text: `mailgun: ${s}`, secret: s }; })()],
  'npm-token': [(() => { const s = `npm_${fake('npm', ALNUM, 36)}`; return { text: `NPM=${s}`, secret: s }; })()],
  'npmrc-auth': [(() => { const s = `${fake('npmrc', HEX, 8)}-${fake('npmrc2', HEX, 4)}-4${fake('npmrc3', HEX, 3)}-${fake('npmrc4', HEX, 4)}-${fake('npmrc5', HEX, 12)}`; return { text: `//registry.npmjs.org/:_authToken=${s}\n`, secret: s }; })()],
  'pypi-token': [(() => { const s = `pypi-AgEIcHlwaS5vcmc${fake('pypi', `${ALNUM}_-`, 70)}`; return { text: `password = ${s}`, secret: s }; })()],
  'age-secret-key': [(() => { const s = `AGE-SECRET-KEY-1${fake('age', 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`; return { text: `# created: 2024\n${s}\n`, secret: s }; })()],
  jwt: [{ text: `Authorization: Bearer ${JWT}`, secret: JWT }],
  'url-credentials': [
    (() => { const s = fake('pg', ALNUM, 16); return { text: `DATABASE_URL=postgresql://app:${s}@db.internal:5432/app`, secret: s }; })(),
    (() => { const s = fake('redis', ALNUM, 16); return { text: `redis://default:${s}@cache:6379/0`, secret: s }; })(),
  ],
  'curl-basic-auth': [(() => { const s = fake('curl', ALNUM, 14); return { text: `curl -fsS -u admin:${s} https://api.internal/x`, secret: s }; })()],
  'connection-string-password': [
    (() => { const s = fake('ado', ALNUM, 14); return { text: `Server=tcp:db.internal,1433;Database=app;User ID=app;Password=${s};Encrypt=True;`, secret: s }; })(),
  ],
  'docker-config-auth': [
    (() => { const s = Buffer.from(`robot:${fake('dca', ALNUM, 20)}`).toString('base64'); return { text: `{"auths":{"registry.example.io":{"auth":"${s}"}}}`, secret: s }; })(),
  ],
  'digitalocean-token': [(() => { const s = `dop_v1_${fake('do', HEX, 64)}`; return { text: s, secret: s }; })()],
  'vault-token': [(() => { const s = `hvs.${fake('vault', `${ALNUM}_-`, 92)}`; return { text: `VAULT=${s}`, secret: s }; })()],
  'huggingface-token': [(() => { const s = `hf_${fake('hf', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 34)}`; return { text: `HF=${s}`, secret: s }; })()],
  'shopify-token': [(() => { const s = `shpat_${fake('shop', HEX, 32)}`; return { text: `shop: ${s}`, secret: s }; })()],
  'generic-secret-assignment': [
    (() => { const s = `Zq8${fake('gen', ALNUM, 20)}`; return { text: `app_password = "${s}"`, secret: s }; })(),
    (() => { const s = `r7${fake('gen2', ALNUM, 18)}!`; return { text: `  signingKey: ${s}\n`, secret: s }; })(),
  ],
};

/** detector id -> texts it must NOT report (placeholders, templates, lookalikes). */
export const NEGATIVE: Record<string, string[]> = {
  'private-key': [
    '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----',
    '-----BEGIN RSA PRIVATE KEY-----\n<your key here>\n-----END RSA PRIVATE KEY-----',
    `-----BEGIN CERTIFICATE-----\n${pemBody('cert')}\n-----END CERTIFICATE-----`,
    `-----BEGIN RSA PRIVATE KEY-----\n${pemBody('noend')}\n`,
  ],
  'putty-private-key': ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n...\n'],
  'kubeconfig-client-key': ['client-key-data: REDACTED', `client-key-data: ${Buffer.from('-----BEGIN CERTIFICATE-----\n' + pemBody('c')).toString('base64')}`],
  'aws-access-key-id': ['AKIA123', 'AKIAXXXXXXXXXXXXXXXX', 'MYAKIA0123456789ABCDEF'],
  'aws-secret-access-key': ['aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}', 'aws_secret_access_key = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  'gcp-service-account-key': [`"private_key_id": "${fake('nosa', HEX, 40)}"`, '{"type": "service_account", "private_key_id": "<key-id>"}'],
  'google-api-key': ['AIzaSy...', `XAIza${fake('g', ALNUM, 35)}`],
  'google-oauth-client-secret': ['GOCSPX-<client-secret>'],
  'azure-storage-account-key': ['AccountKey=<storage-key>', 'AccountKey=${STORAGE_KEY}'],
  'azure-shared-access-key': ['SharedAccessKey=<key>'],
  'azure-sas-token': [`https://x/y?sig=${fake('nosv', ALNUM, 43)}`],
  'azure-ad-client-secret': ['client_secret = "<from-key-vault>"'],
  'github-token': ['ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ghp_${GITHUB_TOKEN}', `ghp_${fake('short', ALNUM, 20)}`],
  'github-fine-grained-pat': ['github_pat_<token>'],
  'gitlab-token': ['glpat-xxxxxxxxxxxxxxxxxxxx', 'glpat-<token>'],
  'slack-token': ['xoxb-your-token', 'xoxb-0000000000-0000000000-xxxxxxxxxxxxxxxxxxxxxxxx'],
  'slack-webhook': ['https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'https://hooks.slack.com/services/${SLACK_PATH}'],
  'teams-webhook': ['https://contoso.webhook.office.com/webhookb2/<webhook-path>'],
  'discord-webhook': ['https://discord.com/api/webhooks/<id>/<token>'],
  'openai-api-key': ['sk-...T3BlbkFJ...', 'OPENAI_API_KEY=sk-<your-key>'],
  'anthropic-api-key': ['sk-ant-api03-...'],
  'stripe-live-key': [`sk_test_${fake('stt', ALNUM, 24)}`, 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'],
  'stripe-webhook-secret': ['whsec_...'],
  'twilio-api-key': [`SK${fake('notw', HEX, 32)}`],
  'twilio-auth-token': ['TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}'],
  'sendgrid-api-key': ['SG.xxxxx.yyyyy'],
  'mailgun-api-key': [`key-${fake('nomg', HEX, 32)}`],
  'npm-token': ['npm_${NPM_TOKEN}', 'npm_install'],
  'npmrc-auth': ['//registry.npmjs.org/:_authToken=${NPM_TOKEN}'],
  'pypi-token': ['pypi-AgEIcHlwaS5vcmc...'],
  'age-secret-key': ['AGE-SECRET-KEY-1...'],
  jwt: ['eyJhbGciOiJIUzI1NiJ9.e30', `eyJ${fake('nj', ALNUM, 20)}.eyJ${fake('nj2', ALNUM, 20)}.${fake('nj3', ALNUM, 20)}`],
  'url-credentials': [
    'postgresql://app:${DB_PASSWORD}@db:5432/app',
    'postgresql://app:$(DB_PASSWORD)@db:5432/app',
    'https://user:password@example.com',
    'postgresql://app@db:5432/app',
    'https://registry.local/v2/',
  ],
  'curl-basic-auth': ['curl -u "$USER:$PASS" https://x', 'curl -u admin:${ADMIN_PASSWORD} https://x'],
  'connection-string-password': ['Password=${SQL_PASSWORD};Server=x;', 'password=hunter2'],
  'docker-config-auth': ['{"auths":{"r":{"auth":"${AUTH}"}}}', `{"auth": "${Buffer.from('no-colon-here').toString('base64')}"}`],
  'digitalocean-token': ['dop_v1_<token>'],
  'vault-token': ['hvs.CAESI...'],
  'huggingface-token': ['hf_<token>', 'hf_transfer'],
  'shopify-token': ['shpat_<token>'],
  'generic-secret-assignment': [
    'password = "changeme"',
    'password: ${DB_PASSWORD}',
    'password = config.get("db.password")',
    'token: {{ .Values.token }}',
    'PASSWORD_MIN_LENGTH=12',
    'TOKEN_TTL_SECONDS: 3600',
    'secretName: db-credentials',
    'password = getPassword()',
    'tokenizer: "Zq8x9WvT1pQ3nB7m"',
    'api_key = process.env.API_KEY',
  ],
};
