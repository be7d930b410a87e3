// Build findings from rule reports: positions, resource, fingerprint, annotation suppressions.
import type { Finding, KeyPath, Locatable, ResourceRef } from '../model.js';
import type { LoadProblem } from '../sources/registry.js';
import type { K8sObject, PodTemplate } from '../workspace/types.js';
import type { Workspace } from '../workspace/workspace.js';
import { formatKeyPath, parseKeyPath } from '../util/keypath.js';
import type { ReportInput } from './rule.js';
import type { ActiveRule } from './select.js';
import { fingerprint } from './fingerprint.js';
import { lineIndexOf, resolveSpan } from './position.js';
import { objectAnnotationsSuppress } from './suppress.js';

export class FindingFactory {
  readonly findings: Finding[] = [];
  suppressedCount = 0;
  constructor(private readonly ws: Workspace) {}

  fromProblem(active: ActiveRule, problem: LoadProblem): void {
    const pos = resolveSpan(problem.file, problem.span);
    this.findings.push({
      ruleId: active.rule.id,
      severity: active.severity,
      message: problem.message,
      file: pos.file,
      line: pos.line,
      column: pos.column,
      endLine: pos.endLine,
      endColumn: pos.endColumn,
      fingerprint: fingerprint([active.rule.id, pos.file, problem.message.replace(/\d+/g, '#')]),
      family: active.rule.family,
      ...(pos.mapped?.note ? { related: [pos.mapped] } : {}),
    });
  }

  fromReport(active: ActiveRule, input: ReportInput): void {
    const { rule } = active;
    const at = input.at;
    const object = owningObject(at);
    const template = owningTemplate(at);
    if (objectAnnotationsSuppress(rule, object, template?.annotations)) {
      this.suppressedCount++;
      return;
    }
    const relPath = input.path === undefined ? [] : parseKeyPath(input.path);
    const fullPath: KeyPath = [...at.basePath, ...relPath];
    const span = input.span ?? at.unit.locate(fullPath, input.target);
    const pos = resolveSpan(at.unit.file, span);
    const resource: ResourceRef | undefined = input.resource ?? object?.ref;
    const objectPath = object ? fullPath.slice(object.basePath.length) : fullPath;
    const pathText = input.span ? undefined : formatKeyPath(objectPath);
    const identity = input.fingerprintKey ?? pathText ?? lineIndexOf(at.unit.file).lineText(pos.line).trim();
    const severity = active.severityFromConfig ? active.severity : input.severity ?? active.severity;
    // A chart rendered once per values set (config helm.valueSets) says which set produced this.
    const valueSet = /^helm:.*@([^@]+)$/.exec(at.unit.file.origin ?? '')?.[1];
    this.findings.push({
      ruleId: rule.id,
      severity,
      message: valueSet ? `${input.message} [values set ${valueSet}]` : input.message,
      file: pos.file,
      line: pos.line,
      column: pos.column,
      endLine: pos.endLine,
      endColumn: pos.endColumn,
      ...(resource ? { resource } : {}),
      ...(pathText ? { path: pathText } : {}),
      fingerprint: fingerprint([
        rule.id,
        input.fingerprintKey ? undefined : pos.file,
        resource ? `${resource.kind}/${resource.namespace ?? ''}/${resource.name}` : undefined,
        identity,
        valueSet,
      ]),
      ...(at.unit.file.commit ? { commit: at.unit.file.commit } : {}),
      ...(input.fix ? { fix: input.fix } : {}),
      ...(pos.mapped?.note ? { related: [pos.mapped] } : {}),
      family: rule.family,
    });
  }
}

function owningObject(at: Locatable): K8sObject | undefined {
  const a = at as any;
  if (a.ref && a.obj) return a as K8sObject;
  if (a.owner?.ref) return a.owner as K8sObject;
  if (a.template?.owner?.ref) return a.template.owner as K8sObject;
  if (a.object?.ref) return a.object as K8sObject;
  return undefined;
}

function owningTemplate(at: Locatable): PodTemplate | undefined {
  const a = at as any;
  if (a.template?.owner) return a.template as PodTemplate;
  if (a.owner && a.specPath) return a as PodTemplate;
  return undefined;
}
