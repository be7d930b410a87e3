// Loaders turn a SourceFile into units. Each file type registers one loader here.
import type { SourceFile, Span, Unit } from '../model.js';

/** A problem found while loading (unparsable input): becomes a finding of `ruleId`. */
export interface LoadProblem {
  ruleId: string;
  file: SourceFile;
  span: Span;
  message: string;
}

export interface LoadResult {
  units: Unit[];
  problems: LoadProblem[];
}

export interface Loader {
  name: string;
  /** Does this loader parse the file? `path` is relative with '/' separators. */
  matches(path: string): boolean;
  load(file: SourceFile): LoadResult;
  /** Imports what `load` needs (a parser loaded on demand); awaited before the first file it claims. */
  prepare?(): Promise<void>;
}

const loaders: Loader[] = [];

export function registerLoader(loader: Loader): void {
  if (!loaders.some((l) => l.name === loader.name)) loaders.push(loader);
}

/** Every loader that claims the file (a workflow is YAML and a workflow). */
export function loadersFor(path: string): Loader[] {
  return loaders.filter((l) => l.matches(path));
}

/** Prepare the loaders that claim any of `paths` (all loaders when `paths` is undefined). */
export async function prepareLoaders(paths?: Iterable<string>): Promise<void> {
  const wanted = new Set<Loader>();
  if (paths) for (const p of paths) for (const l of loadersFor(p)) wanted.add(l);
  await Promise.all([...(paths ? wanted : loaders)].map((l) => l.prepare?.()));
}

export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}
