// The rule API. Built-in rules and plugins use the same defineRule().
import type { KeyPath, Locatable, Severity, Span, ResourceRef } from '../model.js';
import type { Workspace } from '../workspace/workspace.js';

export type RuleFamily =
  | 'networking' | 'probes' | 'resources' | 'stateful' | 'dsn' | 'secrets' | 'architecture'
  | 'dockerfile' | 'risky-env' | 'validity' | 'security' | 'reliability' | 'helm' | 'custom';

/** Equivalent checks of other linters, whose ignore annotations kubelint honours. */
export interface PeerChecks {
  kubeLinter?: string[];
  kubeScore?: string[];
  polaris?: string[];
  hadolint?: string[];
  gitleaks?: string[];
}

export interface RuleMeta {
  id: string;
  family: RuleFamily;
  severity: Severity;
  title: string;
  /** What the user would meet in a cluster without this rule. */
  symptom: string;
  why: string;
  fix: string;
  example?: { bad: string; good: string };
  peers?: PeerChecks;
  /** Security rules carry a CVSS-like score for GitHub code scanning. */
  securitySeverity?: number;
  /** Where the rule came from: 'builtin', a plugin name, or 'config'. */
  origin?: string;
  /** Extra notes for the docs (false-positive policy, noise). */
  notes?: string;
}

export interface ReportInput {
  /** What the finding is about: a K8s object, a container, a unit... */
  at: Locatable;
  /** Key path relative to `at.basePath` (string form `a.b[0]` or array). */
  path?: KeyPath | string;
  /** Point at the key or at its value (default: value for scalars, key for collections). */
  target?: 'key' | 'value';
  /** Offsets into the unit's file text, for findings inside text (regex matches). Overrides path. */
  span?: Span;
  message: string;
  fix?: string;
  /** Overrides the default severity for this one finding. */
  severity?: Severity;
  /** Stable identity for the fingerprint instead of the path (a secret's hash, say). */
  fingerprintKey?: string;
  /** The resource the finding is about, when `at` is not a K8s object. */
  resource?: ResourceRef;
}

export type Report = (input: ReportInput) => void;

export interface RuleContext {
  /** Per-rule options from config `rules: { id: { options } }`. */
  options: Record<string, unknown>;
}

export interface Rule extends RuleMeta {
  check(ws: Workspace, report: Report, ctx: RuleContext): void | Promise<void>;
}

export function defineRule(rule: Rule): Rule {
  if (!/^([a-z0-9-]+\/)?[a-z0-9][a-z0-9-]*$/.test(rule.id)) throw new Error(`invalid rule id "${rule.id}"`);
  return { origin: 'builtin', ...rule };
}
