// Shared by the plugin tests: temp projects built from examples/plugins, and small manifests.
import fs from 'node:fs';
import path from 'node:path';
import { REPO, tempProject } from '../helpers/cli.js';
import { listFiles } from '../helpers/expectations.js';

export const EXAMPLE_DIR = path.join(REPO, 'examples/plugins');

/** A temp project holding a copy of examples/plugins, plus or minus some files. */
export function exampleProject(overrides: Record<string, string | null> = {}): string {
  const files: Record<string, string> = {};
  for (const file of listFiles(EXAMPLE_DIR)) files[path.relative(EXAMPLE_DIR, file)] = fs.readFileSync(file, 'utf8');
  for (const [rel, text] of Object.entries(overrides)) {
    if (text === null) delete files[rel];
    else files[rel] = text;
  }
  return tempProject(files);
}

/** A Deployment the built-in rules leave silent, with the given metadata lines (indented by 2). */
export function deployment(name: string, metadataLines: string[], namespace = 'shop'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
${metadataLines.map((l) => `  ${l}\n`).join('')}spec:
  replicas: 2
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      serviceAccountName: ${name}
      automountServiceAccountToken: false
      securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: RuntimeDefault } }
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector: { matchLabels: { app: ${name} } }
      containers:
        - name: ${name}
          image: registry.example.com/shop/${name}:1.4.2
          ports: [{ name: http, containerPort: 8080 }]
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 256Mi }
          livenessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 10 }
          readinessProbe: { httpGet: { path: /ready, port: http }, periodSeconds: 5 }
`;
}

/** 1-based number of the first line containing `needle` (at or after the first line containing `after`). */
export function lineOf(text: string, needle: string, after?: string): number {
  const lines = text.split('\n');
  let start = 0;
  if (after) start = lines.findIndex((l) => l.includes(after));
  const i = lines.findIndex((l, n) => n >= start && l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in text`);
  return i + 1;
}
