import { defineRule } from '../../src/engine/rule.js';
import type { DockerfileUnit } from '../../src/sources/dockerfile.js';
import { isSecretName, judgeSecretValue } from '../../src/secrets/names.js';
import { redact, secretFingerprintKey } from '../../src/secrets/redact.js';

/** Files that hold credentials by name. */
const SECRET_FILE = /^(?:\.env(?:\.[\w-]+)?|id_(?:rsa|dsa|ecdsa|ed25519)|[^/]*\.pem|\.npmrc|\.pypirc|\.netrc|\.git-credentials|credentials(?:\.json)?)$/i;
/** Committed templates and public halves are fine. */
const NOT_SECRET_FILE = /^\.env\.(?:example|sample|template|tmpl|dist|defaults)$|\.pub$/i;
/** A .pem that is a certificate (public) rather than a key. */
const PUBLIC_PEM = /(?:^|[-_.])(?:ca|cacert|cert|certificate|chain|fullchain|bundle|root|pub|public)(?:[-_.]|$)/i;
const CERT_DESTINATION = /ca-certificates|\/etc\/ssl\/certs|\/etc\/pki\/ca-trust/;

function baseName(p: string): string {
  const clean = p.replace(/\/+$/, '');
  return clean.slice(clean.lastIndexOf('/') + 1);
}

function secretFile(source: string, destination: string): boolean {
  const name = baseName(source.replace(/^["']|["']$/g, ''));
  if (!SECRET_FILE.test(name) || NOT_SECRET_FILE.test(name)) return false;
  if (/\.pem$/i.test(name) && (PUBLIC_PEM.test(name.replace(/\.pem$/i, '')) || CERT_DESTINATION.test(destination))) return false;
  return true;
}

export default defineRule({
  id: 'dockerfile-secret',
  family: 'secrets',
  severity: 'error',
  securitySeverity: 8.0,
  title: 'Credential baked into a Docker image',
  symptom: 'Anyone who can pull the image reads the credential with `docker history` or by unpacking a layer, long after it was "removed" in a later step',
  why:
    'ENV and ARG values are stored in the image configuration and shown by `docker history`; files added with COPY/ADD stay in their layer even when ' +
    'a later RUN deletes them. A token in an ARG default, an ENV password or a copied `.env`, private key or `.npmrc` ships to every registry and node the image reaches.',
  fix: 'Pass build-time credentials as BuildKit secrets (`RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`) and runtime ones through the pod (Secret + secretKeyRef); add `.env`, keys and `.npmrc` to .dockerignore. Rotate anything that was already pushed.',
  example: {
    bad: 'FROM node:20-alpine\nENV NPM_TOKEN=npm_9fK2...\nCOPY .npmrc .\nRUN npm ci\n',
    good: 'FROM node:20-alpine\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n',
  },
  peers: { hadolint: ['DL3044'], gitleaks: ['generic-api-key'] },
  notes:
    'Names are judged as secret-literal-env does (PASSWORD, SECRET, TOKEN, API_KEY, ... but not PASSWORD_FILE or TOKEN_URL). Values that are ' +
    'variable references, empty or placeholders are not reported; vendor documentation values are reported at info. Certificate .pem files ' +
    '(ca, cert, chain, bundle) and copies into the CA store are public and not reported.',
  check(ws, report) {
    for (const unit of ws.unitsOf<DockerfileUnit>('dockerfile')) {
      for (const ins of unit.instructions) {
        if (ins.keyword === 'ENV' || ins.keyword === 'ARG') {
          ins.properties.forEach((p, k) => {
            if (p.value === undefined || !isSecretName(p.name)) return;
            const judgement = judgeSecretValue(p.value);
            if (judgement !== 'real' && judgement !== 'example') return;
            report({
              at: { unit, basePath: [] },
              path: unit.onFirstLine(ins.index, ['instructions', ins.index, 'property', k]),
              message: `${ins.keyword} ${p.name} holds a literal credential "${redact(p.value)}" that is stored in the image (docker history shows it): ${ins.keyword === 'ARG' ? 'use RUN --mount=type=secret for build-time secrets' : 'inject it at run time from a Kubernetes Secret'} and rotate it`,
              fingerprintKey: secretFingerprintKey('dockerfile-secret', p.value),
              ...(judgement === 'example' ? { severity: 'info' as const } : {}),
            });
          });
        }
        if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.argv.length >= 2 && !ins.args.trimStart().startsWith('<<')) {
          const argv = ins.args.trim().startsWith('[') ? parseJsonArgs(ins.args) : ins.argv;
          const destination = argv[argv.length - 1] ?? '';
          const hits = argv.slice(0, -1).filter((src) => secretFile(src, destination));
          if (!hits.length) continue;
          report({
            at: { unit, basePath: [] },
            path: ['instructions', ins.index],
            message: `${ins.keyword} puts ${hits.map((h) => baseName(h)).join(', ')} into an image layer, where it stays even if a later step deletes it: mount it for the one RUN that needs it (RUN --mount=type=secret,id=...) and list it in .dockerignore`,
          });
        }
      }
    }
  },
});

function parseJsonArgs(args: string): string[] {
  try {
    const v = JSON.parse(args.trim());
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}
