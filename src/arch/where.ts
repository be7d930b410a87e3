// "file:line" of a place in a unit, for messages that say where each side of a mismatch was read.
import type { KeyPath, Span, Unit } from '../model.js';
import { LineIndex } from '../util/lines.js';

const indexes = new WeakMap<object, LineIndex>();

export function whereIs(unit: Unit, at: KeyPath | Span): string {
  let idx = indexes.get(unit.file);
  if (!idx) {
    idx = new LineIndex(unit.file.text);
    indexes.set(unit.file, idx);
  }
  const span = Array.isArray(at) ? unit.locate(at) : at;
  return `${unit.file.path}:${idx.position(span.start).line}`;
}
