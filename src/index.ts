// Package entry: the CLI's main plus the API that plugins and tools use.
export { main } from './cli/main.js';
export { defineRule } from './engine/rule.js';
export type { Rule, RuleMeta, ReportInput, Report, RuleContext, RuleFamily } from './engine/rule.js';
export { scan } from './engine/scan.js';
export type { ScanOptions, ScanResult } from './engine/scan.js';
export type { Finding, Severity, KeyPath, Locatable, Unit, SourceFile } from './model.js';
export type { Workspace } from './workspace/workspace.js';
