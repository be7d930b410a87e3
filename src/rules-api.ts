// `kubelint/rules-api`: what a plugin author imports. Built-in rules use the same API, so a plugin
// rule gets the same positions, suppressions, severities, SARIF metadata and `explain` text.
//
//   import { defineRule, definePlugin } from 'kubelint/rules-api';
//
// Plugins receive the Workspace and a report function, nothing else: kubelint hands them no file
// handles and no network. That is a property of the API, not a sandbox: a plugin is ordinary code
// running in the kubelint process and can import whatever Node offers.
import type { Rule } from './engine/rule.js';

export { defineRule } from './engine/rule.js';
export type { Rule, RuleMeta, RuleFamily, RuleContext, Report, ReportInput, PeerChecks } from './engine/rule.js';
export type { Workspace } from './workspace/workspace.js';
export type { K8sObject, PodTemplate, ContainerRef, ContainerPort, EnvValue, EnvSourceKind, YamlDocUnit, ScanSettings } from './workspace/types.js';
export type { KeyPath, Locatable, Unit, Span, Severity, ResourceRef, SourceFile, CommitInfo } from './model.js';
export { evaluateSelector, mapSelectorMatches } from './workspace/selectors.js';
export type { SelectorResult, SelectorFailure } from './workspace/selectors.js';

/**
 * What a plugin module exports as default: an array of rules, or `{ name, rules }`.
 * `name` becomes the prefix of every rule id (`acme` -> `acme/team-label`); without it kubelint
 * derives one from the package name or the file name.
 */
export interface Plugin {
  name?: string;
  rules: Rule[];
}

/** Identity helper that gives a plugin object its type (completion and checks in editors). */
export function definePlugin(plugin: Plugin): Plugin {
  return plugin;
}
