import fs from 'node:fs';
import path from 'node:path';
import { fake, POSITIVE, NEGATIVE } from './samples.js';
// Regenerate fixtures/rules/secret-pattern from samples.ts: npx tsx test/secrets/generate-pattern-fixtures.ts
const root = path.resolve(import.meta.dirname, '../../fixtures/rules/secret-pattern');
fs.rmSync(root, { recursive: true, force: true });
const w = (f: string, t: string) => { fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true }); fs.writeFileSync(path.join(root, f), t); };
const single = Object.entries(POSITIVE).filter(([id]) => !['private-key', 'putty-private-key', 'kubeconfig-client-key', 'gcp-service-account-key', 'docker-config-auth', 'generic-secret-assignment'].includes(id));
let txt = '# One credential per line, each in a format kubelint recognises. All values are synthetic.\n';
for (const [id, list] of single) {
  for (const c of list) {
    if (c.text.includes('\n') && c.text.trim().includes('\n')) continue;
    txt += `# ${id}\n# expect: secret-pattern\n${c.text.trim()}\n`;
  }
}
w('formats.txt', txt);
for (const [id, list] of Object.entries(NEGATIVE)) {
  // One file per detector: context keywords (service_account, twilio) count per file.
  if (id === 'gcp-service-account-key') {
    list.forEach((t, i) => w(`lookalikes/${id}-${i + 1}.txt`, `${t}\n`));
    continue;
  }
  w(`lookalikes/${id}.txt`, `# Lookalikes, placeholders and templated values: no finding on any line.\n${list.join('\n')}\n`);
}
const pk = POSITIVE['private-key'];
w('keys/rsa.pem', `# expect: secret-pattern\n${pk[0].secret}\n`);
w('keys/id_ed25519', `# expect: secret-pattern\n${pk[5].secret}\n`);
w('keys/signing.asc', `# expect: secret-pattern\n${pk[6].secret}\n`);
w('keys/legacy.ppk', `# expect: secret-pattern\n${POSITIVE['putty-private-key'][0].secret}\n`);
w('keys/README.md', '# Keys\n\nPaste your key like this:\n\n```\n-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----\n```\n');
const kc = POSITIVE['kubeconfig-client-key'][0].secret;
const jwt = POSITIVE.jwt[0].secret;
w('kubeconfig', `apiVersion: v1\nkind: Config\nclusters:\n  - name: prod\n    cluster:\n      server: https://k8s.internal:6443\ncontexts:\n  - name: prod\n    context: { cluster: prod, user: admin }\ncurrent-context: prod\nusers:\n  - name: admin\n    user:\n      # expect: secret-pattern\n      client-key-data: ${kc}\n  - name: ci\n    user:\n      # expect: secret-pattern\n      token: ${jwt}\n`);
const kid = POSITIVE['gcp-service-account-key'][0].secret;
const gpk = POSITIVE['private-key'][8].secret;
const sa = `{\n  "type": "service_account",\n  "project_id": "shop-prod",\n  "private_key_id": "${kid}",\n  "private_key": "${gpk}\\n",\n  "client_email": "deployer@shop-prod.iam.gserviceaccount.com",\n  "client_id": "104242424242424242424"\n}\n`;
w('gcp-service-account.json', sa);
w('gcp-service-account.json.expect', '4 secret-pattern\n5 secret-pattern\n');
const dca = POSITIVE['docker-config-auth'][0].secret;
w('docker-config.json', `{\n  "auths": {\n    "registry.internal.io": {\n      "auth": "${dca}"\n    }\n  }\n}\n`);
w('docker-config.json.expect', '4 secret-pattern\n');
const g = POSITIVE['generic-secret-assignment'];
w('settings.py', `import os\n\nDEBUG = False\n# expect: secret-pattern\nSECRET_KEY = "${g[0].secret}"\nDATABASE_PASSWORD = os.environ["DATABASE_PASSWORD"]\nAPI_TOKEN = config.get("api.token")\nPASSWORD_MIN_LENGTH = 12\nSESSION_TOKEN_TTL_SECONDS = 3600\n`);
w('docs/aws.md', `# Configuring AWS\n\nThe AWS documentation uses these example values; they are reported at info.\n\n\`\`\`ini\n[default]\n# expect: secret-pattern\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n# expect: secret-pattern\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\`\`\`\n\nSlack's documented webhook, https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX, is filler and not reported.\n`);
console.log('ok');
