// Turn offsets into 1-based line/column ranges, following generated files back to their sources.
import type { MappedPosition, Range, SourceFile, Span } from '../model.js';
import { LineIndex } from '../util/lines.js';
import { textCache } from '../util/text-caches.js';

export function lineIndexOf(file: SourceFile): LineIndex {
  return textCache(file, LineIndex, () => new LineIndex(file.text));
}

export interface ResolvedPosition extends Range {
  file: string;
  /** Set when the span was in generated text: where it was generated from. */
  mapped?: MappedPosition;
}

export function resolveSpan(file: SourceFile, span: Span): ResolvedPosition {
  const idx = lineIndexOf(file);
  const start = idx.position(span.start);
  // An end at the start of a line belongs to the previous line.
  const end = idx.position(Math.max(span.start, span.end));
  let range: Range = { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  if (range.endLine === range.line && range.endColumn <= range.column) range = { ...range, endColumn: range.column + 1 };
  if (file.mapOffset) {
    const mapped = file.mapOffset(span.start);
    if (mapped) {
      const width = range.endLine === range.line ? range.endColumn - range.column : 1;
      return { file: mapped.path, line: mapped.line, column: mapped.column, endLine: mapped.line, endColumn: mapped.column + width, mapped };
    }
  }
  return { file: file.path, ...range };
}
