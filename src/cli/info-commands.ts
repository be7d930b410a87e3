// `kubelint rules`, `explain` and `init`: everything comes from rule metadata.
import fs from 'node:fs';
import path from 'node:path';
import type { Rule } from '../engine/rule.js';
import { allRules } from '../engine/select.js';
import { peerList, ruleMarkdown } from '../report/rule-help.js';
import { UsageError } from '../sources/discover.js';

export function rulesCommand(format: string, rules: Rule[] = allRules()): string {
  const sorted = [...rules].sort((a, b) => a.family.localeCompare(b.family) || a.id.localeCompare(b.id));
  if (format === 'json') {
    return (
      JSON.stringify(
        sorted.map((r) => ({
          id: r.id,
          family: r.family,
          severity: r.severity,
          title: r.title,
          origin: r.origin ?? 'builtin',
          peers: r.peers ?? {},
        })),
        null,
        2,
      ) + '\n'
    );
  }
  if (format !== 'table') throw new UsageError(`unknown format "${format}" for rules (table or json)`);
  const idWidth = Math.max(...sorted.map((r) => r.id.length), 2);
  const famWidth = Math.max(...sorted.map((r) => r.family.length), 6);
  // An ORIGIN column only when config added rules (plugins, customRules), so the usual table stays as it was.
  const origins = sorted.some((r) => (r.origin ?? 'builtin') !== 'builtin');
  const originWidth = Math.max(...sorted.map((r) => (r.origin ?? 'builtin').length), 6);
  const origin = (o: string) => (origins ? `${o.padEnd(originWidth)}  ` : '');
  const lines = [`${'ID'.padEnd(idWidth)}  ${'FAMILY'.padEnd(famWidth)}  ${origin('ORIGIN')}SEVERITY  TITLE`];
  for (const r of sorted) lines.push(`${r.id.padEnd(idWidth)}  ${r.family.padEnd(famWidth)}  ${origin(r.origin ?? 'builtin')}${r.severity.padEnd(8)}  ${r.title}`);
  lines.push('', `${sorted.length} rules. \`kubelint explain ID\` tells what a rule catches and how to fix it.`);
  return lines.join('\n') + '\n';
}

export function explainCommand(id: string, rules: Rule[] = allRules()): string {
  const rule = rules.find((r) => r.id === id);
  if (!rule) {
    const close = rules.map((r) => r.id).filter((r) => r.includes(id) || id.includes(r)).slice(0, 5);
    throw new UsageError(`unknown rule "${id}"${close.length ? `; did you mean ${close.join(', ')}?` : ''}`);
  }
  return ruleMarkdown(rule);
}

export { peerList };

const INIT_TEXT = `# kubelint configuration. Schema: schemas/config.schema.json in the kubelint package
# (editors with YAML language support complete keys with the modeline below).
# yaml-language-server: $schema=./node_modules/kubelint/schemas/config.schema.json

# Kubernetes version the manifests are deployed to: schema checks and API deprecations use it.
kubernetesVersion: "1.33"

# CPU architectures of the cluster's nodes: images must be built for each of them.
targetArchitectures: [amd64]

# Namespace assumed for objects that do not set metadata.namespace.
defaultNamespace: default

# Lowest severity that fails the scan (exit 1): error, warning, info or none.
failOn: error

# Per-rule severity: off, info, warning or error (or { severity, options }), for example
#   rules:
#     debug-enabled: off
#     single-replica: warning
rules: {}

# Paths not to scan (gitignore syntax), or rules silenced on some paths, for example
#   ignore:
#     - vendor/
#     - rules: [image-tag-mutable]
#       paths: ["dev/**"]
#       reason: dev overlays use :latest on purpose
ignore: []

# Findings accepted for now (kubelint baseline create writes it).
# baseline: .kubelint-baseline.json

# How charts are rendered.
helm:
  releaseName: release
  # values: [values-prod.yaml]
  # set: [image.tag=1.2.3]

# Secrets in git history (on by default when the scan root is a git work tree).
history:
  enabled: true
  # since: origin/main
  # maxCommits: 10000
`;

export function initCommand(dir: string): string {
  const file = path.join(dir, '.kubelint.yaml');
  if (fs.existsSync(file)) throw new UsageError(`${file} already exists; not overwriting it`);
  fs.writeFileSync(file, INIT_TEXT);
  return `wrote ${file}\n`;
}

export { INIT_TEXT };
