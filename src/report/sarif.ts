// SARIF 2.1.0 for GitHub code scanning and other viewers.
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../model.js';
import type { Rule } from '../engine/rule.js';
import type { ReportContext } from './types.js';
import { ruleMarkdown } from './rule-help.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
export const FINGERPRINT_KEY = 'kubelint/v1';

function pascal(id: string): string {
  return id.split(/[-/]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function sarifRule(rule: Rule) {
  // GitHub reads `security-severity` only on rules tagged `security`.
  const tags = [...new Set([rule.family, ...(rule.securitySeverity !== undefined ? ['security'] : [])])];
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: `${rule.why} Symptom: ${rule.symptom}.` },
    help: { text: `${rule.fix}`, markdown: ruleMarkdown(rule, '#') },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags,
      precision: 'high',
      ...(rule.securitySeverity !== undefined ? { 'security-severity': rule.securitySeverity.toFixed(1) } : {}),
    },
  };
}

function uri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

export function formatSarif({ result, rules, toolVersion }: ReportContext): string {
  // Rules that reported, plus every enabled rule, so viewers can show help for all.
  const ruleList = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  const results = result.findings.map((f: Finding) => ({
    ruleId: f.ruleId,
    ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uri(f.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
        ...(f.resource
          ? { logicalLocations: [{ name: f.resource.name, fullyQualifiedName: [f.resource.namespace, f.resource.kind, f.resource.name].filter(Boolean).join('/'), kind: 'resource' }] }
          : {}),
      },
    ],
    ...(f.related
      ? {
          relatedLocations: f.related.map((r, i) => ({
            id: i + 1,
            physicalLocation: { artifactLocation: { uri: uri(r.path), uriBaseId: '%SRCROOT%' }, region: { startLine: r.line, startColumn: r.column } },
            ...(r.note ? { message: { text: r.note } } : {}),
          })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.commit || f.path ? { properties: { ...(f.path ? { path: f.path } : {}), ...(f.commit ? { commit: f.commit } : {}) } } : {}),
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kubelint',
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: 'https://github.com/kubelint/kubelint',
            rules: ruleList.map(sarifRule),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(result.root).href.replace(/\/?$/, '/') } },
        invocations: [{ executionSuccessful: result.errors.length === 0, toolExecutionNotifications: result.errors.map((e) => ({ level: 'error', message: { text: e.split('\n')[0] } })) }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
