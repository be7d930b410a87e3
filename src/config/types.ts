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
  customRules?: Record<string, unknown>[];
}

export interface LoadedConfig {
  config: KubelintConfig;
  /** Absolute path of the file, when one was found. */
  path?: string;
}

/** Kubernetes version assumed when neither config nor --kube-version names one. */
export const DEFAULT_KUBERNETES_VERSION = '1.30';
