// Where rendered text came from. Every piece of output written by the template engine
// records an Origin: a template offset (text copied char for char, or an action), or a
// values-file leaf. Values maps remember the origin of each key in a side table so that
// `.Values.x` and toYaml output can be traced back to values.yaml lines.
import { LineIndex } from '../../util/lines.js';

/** A file rendered text can point back to: a template or a values file. */
export class OriginFile {
  private index?: LineIndex;
  constructor(
    /** Path relative to the scan root ('/' separators), or a label like `--set`. */
    readonly path: string,
    readonly text: string,
    /** Path as Helm names it inside the chart (chart/templates/x.yaml), for messages. */
    readonly chartPath: string = path,
    /** Templates (as opposed to values files): notes say "included at" for them. */
    readonly isTemplate = false,
  ) {}
  position(offset: number): { line: number; column: number } {
    this.index ??= new LineIndex(this.text);
    return this.index.position(offset);
  }
  lineOf(offset: number): number {
    return this.position(offset).line;
  }
}

export interface Origin {
  file: OriginFile;
  offset: number;
  /** Text copied verbatim: output offset + k maps to origin offset + k. */
  exact?: boolean;
  note?: string;
}

export interface Segment {
  /** Output offset where this origin starts applying. */
  out: number;
  origin: Origin;
}

/** A rendered line whose text is known to come from an origin (toYaml of values, include output). */
export interface LineCandidate {
  text: string;
  origin: Origin;
}

/** Output buffer that keeps the origin of every piece written. */
export class MappedWriter {
  text = '';
  readonly segments: Segment[] = [];

  write(s: string, origin: Origin): void {
    if (!s) return;
    const last = this.segments[this.segments.length - 1];
    if (!(last && last.origin === origin && !origin.exact)) this.segments.push({ out: this.text.length, origin });
    this.text += s;
  }

  /** The origin of an output offset. */
  originAt(offset: number): Origin | undefined {
    return originAt(this.segments, offset);
  }
}

export function originAt(segments: Segment[], offset: number): Origin | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  if (hi < 0 || segments[0].out > offset) return segments[0]?.origin;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].out <= offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo];
  if (seg.origin.exact) return { ...seg.origin, offset: seg.origin.offset + (offset - seg.out), exact: false };
  return seg.origin;
}

/** Lines of a mapped text with the origin of each line's first non-blank character. */
export function lineCandidates(text: string, segments: Segment[]): LineCandidate[] {
  const out: LineCandidate[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let first = start;
    while (first < end && (text[first] === ' ' || text[first] === '\t')) first++;
    if (first < end) {
      const origin = originAt(segments, first);
      if (origin) out.push({ text: text.slice(first, end).trimEnd(), origin });
    }
    start = end + 1;
  }
  return out;
}

/** Origins of values-map keys and list items, keyed by the container object. */
const positions = new WeakMap<object, Map<string | number, Origin>>();

export function setValueOrigin(container: object, key: string | number, origin: Origin): void {
  let m = positions.get(container);
  if (!m) positions.set(container, (m = new Map()));
  m.set(key, origin);
}

export function valueOrigin(container: unknown, key: string | number): Origin | undefined {
  if (typeof container !== 'object' || container === null) return undefined;
  return positions.get(container)?.get(key);
}

/** Copy the origin of `src[key]` to `dst[key]` (after copying or merging values). */
export function copyValueOrigin(src: object, dst: object, key: string | number, dstKey: string | number = key): void {
  const o = positions.get(src)?.get(key);
  if (o) setValueOrigin(dst, dstKey, o);
}

/** A short `values.yaml:12` label. */
export function describeOrigin(o: Origin): string {
  return o.file.text ? `${o.file.path}:${o.file.lineOf(o.offset)}` : o.file.path;
}
