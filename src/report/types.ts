import type { Rule } from '../engine/rule.js';
import type { ScanResult } from '../engine/scan.js';

/** Everything a formatter may use. Formatters are plain functions: result in, text out. */
export interface ReportContext {
  result: ScanResult;
  rules: Rule[];
  toolVersion: string;
  /** Colours allowed (TTY and no NO_COLOR). */
  color: boolean;
}

export type Formatter = (ctx: ReportContext) => string;
