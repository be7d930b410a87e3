// Build findings from rule reports: positions, resource, fingerprint, annotation suppressions.
//
// Positions are found last, one file at a time (settle): a YAML file's text is read again from
// disk for its findings and dropped once they have their lines (release-text.ts), so the rules
// phase never holds every text at once.
import type { Finding, KeyPath, Locatable, ResourceRef, SourceFile } from '../model.js';
import type { LoadProblem } from '../sources/registry.js';
import { releaseAgain } from '../sources/release-text.js';
import type { K8sObject, PodTemplate } from '../workspace/types.js';
import { formatKeyPath, parseKeyPath } from '../util/keypath.js';
import type { ReportInput } from './rule.js';
import type { ActiveRule } from './select.js';
import { fingerprint } from './fingerprint.js';
import { lineIndexOf, resolveSpan } from './position.js';
import { objectAnnotationsSuppress } from './suppress.js';

/** A finding waiting for its position; `make` reads the file's text. */
interface Pending {
  ruleId: string;
  make: () => Finding;
}

export class FindingFactory {
  /** Findings with positions: filled by settle(), and by callers with findings made elsewhere (history). */
  readonly findings: Finding[] = [];
  suppressedCount = 0;
  private readonly pending = new Map<SourceFile, Pending[]>();

  fromProblem(active: ActiveRule, problem: LoadProblem): void {
    this.defer(problem.file, active.rule.id, () => {
      const pos = resolveSpan(problem.file, problem.span);
      return {
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
      };
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
    // Everything but the position is taken now, while the rule's objects are as it saw them.
    const relPath = input.path === undefined ? [] : parseKeyPath(input.path);
    const fullPath: KeyPath = [...at.basePath, ...relPath];
    const resource: ResourceRef | undefined = input.resource ?? object?.ref;
    const objectPath = object ? fullPath.slice(object.basePath.length) : fullPath;
    const pathText = input.span ? undefined : formatKeyPath(objectPath);
    const severity = active.severityFromConfig ? active.severity : input.severity ?? active.severity;
    // A chart rendered once per values set (config helm.valueSets) says which set produced this.
    const valueSet = /^helm:.*@([^@]+)$/.exec(at.unit.file.origin ?? '')?.[1];
    const { span: given, target, message, fix, fingerprintKey } = input;
    const unit = at.unit;
    this.defer(unit.file, rule.id, () => {
      const pos = resolveSpan(unit.file, given ?? unit.locate(fullPath, target));
      const identity = fingerprintKey ?? pathText ?? lineIndexOf(unit.file).lineText(pos.line).trim();
      return {
        ruleId: rule.id,
        severity,
        message: valueSet ? `${message} [values set ${valueSet}]` : message,
        file: pos.file,
        line: pos.line,
        column: pos.column,
        endLine: pos.endLine,
        endColumn: pos.endColumn,
        ...(resource ? { resource } : {}),
        ...(pathText ? { path: pathText } : {}),
        fingerprint: fingerprint([
          rule.id,
          fingerprintKey ? undefined : pos.file,
          resource ? `${resource.kind}/${resource.namespace ?? ''}/${resource.name}` : undefined,
          identity,
          valueSet,
        ]),
        ...(unit.file.commit ? { commit: unit.file.commit } : {}),
        ...(fix ? { fix } : {}),
        ...(pos.mapped?.note ? { related: [pos.mapped] } : {}),
        family: rule.family,
      };
    });
  }

  /**
   * Give every waiting finding its position, file by file. `visit` sees each file's findings while
   * its text is at hand (comment suppressions read it); then what was built from a released text
   * is dropped with it. A position that cannot be found is an error, never a lost finding.
   */
  settle(errors: string[], visit?: (file: SourceFile, findings: Finding[]) => void): void {
    for (const [file, pending] of this.pending) {
      const made: Finding[] = [];
      for (const p of pending) {
        try {
          made.push(p.make());
        } catch (err) {
          errors.push(`rule ${p.ruleId} failed: the position of a finding in ${file.path} could not be found: ${(err as Error).message}`);
        }
      }
      visit?.(file, made);
      this.findings.push(...made);
      releaseAgain(file);
    }
    this.pending.clear();
  }

  private defer(file: SourceFile, ruleId: string, make: () => Finding): void {
    let list = this.pending.get(file);
    if (!list) this.pending.set(file, (list = []));
    list.push({ ruleId, make });
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
