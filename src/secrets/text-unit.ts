// Every loaded file is also a plain text unit, so text detectors (secret-pattern) can scan files
// that no structured loader understands (.npmrc, scripts, README, JSON keys) and report by span.
import type { KeyPath, SourceFile, Span, Unit } from '../model.js';
import { registerLoader, type LoadResult } from '../sources/registry.js';

export class TextUnit implements Unit {
  readonly kind = 'text' as const;
  constructor(readonly file: SourceFile) {}

  /** Text units have no key paths; findings pass a span instead. */
  locate(_path: KeyPath, _target?: 'key' | 'value'): Span {
    return { start: 0, end: 0 };
  }
}

export function loadText(file: SourceFile): LoadResult {
  return { units: [new TextUnit(file)], problems: [] };
}

registerLoader({ name: 'text', matches: () => true, load: loadText });
