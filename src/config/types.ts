import type { Severity } from '../model.js';

export type RuleSetting = Severity | 'off' | { severity?: Severity | 'off'; options?: Record<string, unknown> };

export interface IgnoreEntry {
  rules: string[];
  paths?: string[];
  reason?: string;
}

export interface KubelintConfig {
  kubernetesVersion?: string;
  targetArchitectures?: string[];
  defaultNamespace?: string;
  failOn?: Severity | 'none';
  rules?: Record<string, RuleSetting>;
  ignore?: (string | IgnoreEntry)[];
  baseline?: string;
  helm?: {
    values?: string[];
    set?: string[];
    releaseName?: string;
    namespace?: string;
    valueSets?: Record<string, { values?: string[]; set?: string[] }>;
  };
  history?: { enabled?: boolean; since?: string; maxCommits?: number; allRefs?: boolean };
  plugins?: string[];
  customRules?: CustomRuleConfig[];
}

/** A declarative rule in config: the matched node must satisfy `schema` (a JSON Schema). */
export interface CustomRuleConfig {
  /** Kebab-case; the rule's id is `custom/<id>`. */
  id: string;
  severity?: Severity;
  title: string;
  /** Finding message; `{{kind}}`, `{{name}}`, `{{namespace}}`, `{{container}}`, `{{path}}`, `{{error}}` are filled in. */
  message: string;
  symptom?: string;
  why?: string;
  fix?: string;
  match?: CustomRuleMatch;
  schema: Record<string, unknown> | boolean;
}

export interface CustomRuleMatch {
  /** Object kinds (`Deployment`); default every kind. For podSpec/container scope, the owner's kind. */
  kinds?: string[];
  /** Namespaces, `*` and `?` as wildcards (`prod-*`); default every namespace. */
  namespaces?: string[];
  /** Kubernetes label selector evaluated against the object's metadata.labels. */
  labelSelector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  /** The node validated: the whole object (default), each pod spec, or each container. */
  scope?: 'object' | 'podSpec' | 'container';
}

export interface LoadedConfig {
  config: KubelintConfig;
  /** Absolute path of the file, when one was found. */
  path?: string;
}

/** Kubernetes version assumed when neither config nor --kube-version names one. */
export const DEFAULT_KUBERNETES_VERSION = '1.33';
