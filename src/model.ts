// Core data types shared by sources, workspace, engine and reports.
// Rules see only these shapes; they never touch files or compute positions.

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_RANK: Record<Severity | 'none', number> = { none: 99, error: 3, warning: 2, info: 1 };

/** A key path inside a structured unit: ['spec', 'template', 'spec', 'containers', 0]. */
export type KeyPath = (string | number)[];

/** Half-open character offsets into a SourceFile's text. */
export interface Span {
  start: number;
  end: number;
}

/** 1-based line/column range, as reported. Columns count UTF-16 code units. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface CommitInfo {
  sha: string;
  date: string; // ISO 8601
  author: string;
}

/** A position in another file that produced a piece of a generated file (Helm templates). */
export interface MappedPosition {
  path: string; // relative to the scan root, '/' separators
  line: number;
  column: number;
  note?: string; // e.g. "value from values.yaml:12"
}

/** One file as loaded: text plus where it came from. */
export interface SourceFile {
  /** Path relative to the scan root with '/' separators; '-' for stdin. */
  path: string;
  /** Absolute path on disk, when there is one. */
  absPath?: string;
  text: string;
  /** Set when the file was read from a past commit rather than the work tree. */
  commit?: CommitInfo;
  /** Generated text (rendered Helm output) maps its offsets back to the real source. */
  mapOffset?: (offset: number) => MappedPosition | undefined;
  /** Free-form origin tag, e.g. 'helm:mychart' or 'history'. */
  origin?: string;
}

/** A parsed unit a finding can point into: a YAML document, a Dockerfile, an env file. */
export interface Unit {
  readonly kind: string;
  readonly file: SourceFile;
  /**
   * Resolve a key path inside this unit to character offsets. `target` picks the key
   * of the last segment or its value. A path that does not exist resolves to its
   * deepest existing ancestor.
   */
  locate(path: KeyPath, target?: 'key' | 'value'): Span;
}

/** Anything a rule can report against: a unit plus a path prefix inside it. */
export interface Locatable {
  unit: Unit;
  basePath: KeyPath;
}

export interface ResourceRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** A finding as reports see it. Built by the engine from a rule's report. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  resource?: ResourceRef;
  path?: string;
  fingerprint: string;
  commit?: CommitInfo & { commits?: CommitInfo[] };
  fix?: string;
  /** Where a generated file's finding really comes from (Helm template line). */
  related?: MappedPosition[];
  /** The file (for html context): present only in-process, never serialised. */
  family?: string;
}
