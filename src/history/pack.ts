// A read-only reader for git pack files (index v2), used as a fast path in front of
// isomorphic-git. isomorphic-git spends most of a history scan in per-call overhead and in its
// JavaScript inflate; reading packs directly with node:zlib is an order of magnitude faster.
// Anything this reader does not handle (loose objects, index v1, a corrupt pack) returns
// undefined and the caller falls back to isomorphic-git, which stays the reference
// (test/history/pack.test.ts compares both on every object of a repository).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

export interface GitObject {
  type: ObjectType;
  data: Buffer;
}

const TYPES: Record<number, ObjectType> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
const OFS_DELTA = 6;
const REF_DELTA = 7;

/** One pack: its index (names and offsets) and an open descriptor on the pack file. */
class Pack {
  private readonly ends = new Map<number, number>();
  private constructor(
    private readonly fd: number,
    private readonly names: Buffer,
    private readonly offsets: number[],
    private readonly fanout: Uint32Array,
  ) {
    // An object's compressed data runs to the next object's offset (or the trailing checksum).
    const sorted = [...offsets].sort((a, b) => a - b);
    const size = fs.fstatSync(fd).size - 20;
    for (let i = 0; i < sorted.length; i++) this.ends.set(sorted[i], i + 1 < sorted.length ? sorted[i + 1] : size);
  }

  static open(idxPath: string): Pack | undefined {
    const idx = fs.readFileSync(idxPath);
    // Index v2: magic \377tOc, version 2, fan-out, names, CRCs, 32-bit offsets, 64-bit offsets.
    if (idx.length < 8 + 1024 || idx.readUInt32BE(0) !== 0xff744f63 || idx.readUInt32BE(4) !== 2) return undefined;
    const fanout = new Uint32Array(256);
    for (let i = 0; i < 256; i++) fanout[i] = idx.readUInt32BE(8 + i * 4);
    const n = fanout[255];
    const namesAt = 8 + 1024;
    const offsetsAt = namesAt + n * 20 + n * 4;
    const largeAt = offsetsAt + n * 4;
    const offsets: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const v = idx.readUInt32BE(offsetsAt + i * 4);
      offsets[i] = v & 0x80000000 ? Number(idx.readBigUInt64BE(largeAt + (v & 0x7fffffff) * 8)) : v;
    }
    const fd = fs.openSync(idxPath.replace(/\.idx$/, '.pack'), 'r');
    return new Pack(fd, idx.subarray(namesAt, namesAt + n * 20), offsets, fanout);
  }

  /** Offset of an object in this pack, by binary search within its fan-out bucket. */
  offsetOf(oid: Buffer): number | undefined {
    const first = oid[0];
    let lo = first === 0 ? 0 : this.fanout[first - 1];
    let hi = this.fanout[first];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const cmp = this.names.compare(oid, 0, 20, mid * 20, mid * 20 + 20);
      if (cmp === 0) return this.offsets[mid];
      if (cmp > 0) hi = mid;
      else lo = mid + 1;
    }
    return undefined;
  }

  /** Raw entry at an offset: type, delta base, and the compressed bytes. */
  entry(offset: number): { type: number; baseOffset?: number; baseOid?: Buffer; compressed: Buffer } {
    const end = this.ends.get(offset);
    if (end === undefined) throw new Error(`no object at pack offset ${offset}`);
    const buf = Buffer.allocUnsafe(end - offset);
    fs.readSync(this.fd, buf, 0, buf.length, offset);
    let pos = 0;
    let byte = buf[pos++];
    const type = (byte >> 4) & 7;
    while (byte & 0x80) byte = buf[pos++]; // the inflated size: zlib tells us anyway
    if (type === OFS_DELTA) {
      byte = buf[pos++];
      let rel = byte & 0x7f;
      while (byte & 0x80) {
        byte = buf[pos++];
        rel = ((rel + 1) * 128) + (byte & 0x7f);
      }
      return { type, baseOffset: offset - rel, compressed: buf.subarray(pos) };
    }
    if (type === REF_DELTA) return { type, baseOid: buf.subarray(pos, pos + 20), compressed: buf.subarray(pos + 20) };
    return { type, compressed: buf.subarray(pos) };
  }

  private closed = false;

  /** Idempotent: closing twice would close whatever file later reused the descriptor number. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }
}

/** Apply a git delta to its base. */
export function applyDelta(delta: Buffer, base: Buffer): Buffer {
  let pos = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = delta[pos++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const baseSize = varint();
  if (baseSize !== base.length) throw new Error('delta base size mismatch');
  const out = Buffer.allocUnsafe(varint());
  let at = 0;
  while (pos < delta.length) {
    const op = delta[pos++];
    if (op & 0x80) {
      let offset = 0;
      let size = 0;
      for (let i = 0; i < 4; i++) if (op & (1 << i)) offset += delta[pos++] * 2 ** (8 * i);
      for (let i = 0; i < 3; i++) if (op & (1 << (4 + i))) size += delta[pos++] * 2 ** (8 * i);
      if (size === 0) size = 0x10000;
      base.copy(out, at, offset, offset + size);
      at += size;
    } else if (op > 0) {
      delta.copy(out, at, pos, pos + op);
      at += op;
      pos += op;
    } else {
      throw new Error('invalid delta opcode 0');
    }
  }
  if (at !== out.length) throw new Error('delta result size mismatch');
  return out;
}

/** Resolved objects by pack and offset, bounded by total bytes (delta bases are read again and again). */
class ObjectCache {
  private readonly map = new Map<string, GitObject>();
  private bytes = 0;
  constructor(private readonly limit: number) {}
  get(key: string): GitObject | undefined {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }
  set(key: string, value: GitObject): void {
    if (value.data.length > this.limit / 4) return;
    this.map.set(key, value);
    this.bytes += value.data.length;
    for (const [k, v] of this.map) {
      if (this.bytes <= this.limit) break;
      this.map.delete(k);
      this.bytes -= v.data.length;
    }
  }
}

export class PackReader {
  private readonly cache = new ObjectCache(64 * 1024 * 1024);
  private constructor(private readonly packs: Pack[]) {}

  /** Open every index-v2 pack of a repository; undefined when there is none. */
  static open(gitdir: string): PackReader | undefined {
    const dir = path.join(gitdir, 'objects', 'pack');
    let names: string[];
    try {
      names = fs.readdirSync(dir).filter((n) => n.endsWith('.idx')).sort();
    } catch {
      return undefined;
    }
    const packs: Pack[] = [];
    for (const name of names) {
      try {
        const pack = Pack.open(path.join(dir, name));
        if (pack) packs.push(pack);
      } catch {
        // An unreadable pack is left to isomorphic-git.
      }
    }
    return packs.length ? new PackReader(packs) : undefined;
  }

  /** The object, or undefined when no pack holds it (loose objects) or it cannot be read here. */
  read(oid: string): GitObject | undefined {
    const key = Buffer.from(oid, 'hex');
    for (let p = 0; p < this.packs.length; p++) {
      const offset = this.packs[p].offsetOf(key);
      if (offset === undefined) continue;
      try {
        return this.readAt(p, offset, 0);
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  private readAt(p: number, offset: number, depth: number): GitObject {
    const cacheKey = `${p}:${offset}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit;
    if (depth > 10000) throw new Error('delta chain too deep');
    const entry = this.packs[p].entry(offset);
    const data = zlib.inflateSync(entry.compressed);
    let result: GitObject;
    if (entry.type === OFS_DELTA) {
      const base = this.readAt(p, entry.baseOffset!, depth + 1);
      result = { type: base.type, data: applyDelta(data, base.data) };
    } else if (entry.type === REF_DELTA) {
      const base = this.read(entry.baseOid!.toString('hex'));
      if (!base) throw new Error('ref-delta base outside the packs');
      result = { type: base.type, data: applyDelta(data, base.data) };
    } else {
      const type = TYPES[entry.type];
      if (!type) throw new Error(`unknown object type ${entry.type}`);
      result = { type, data };
    }
    this.cache.set(cacheKey, result);
    return result;
  }

  close(): void {
    for (const p of this.packs) p.close();
  }
}

/** Parse a commit object's headers (tree, parents, author and committer times). */
export function parseCommit(data: Buffer): { tree: string; parents: string[]; author: string; authorTime: number; commitTime: number } | undefined {
  const text = data.toString('utf8');
  const headEnd = text.indexOf('\n\n');
  const head = headEnd < 0 ? text : text.slice(0, headEnd);
  let tree = '';
  const parents: string[] = [];
  let author = '';
  let authorTime = 0;
  let commitTime = 0;
  for (const line of head.split('\n')) {
    if (line.startsWith('tree ')) tree = line.slice(5);
    else if (line.startsWith('parent ')) parents.push(line.slice(7));
    else if (line.startsWith('author ') || line.startsWith('committer ')) {
      const m = /^(\w+) (.*?) ?<([^>]*)> (\d+)/.exec(line);
      if (!m) continue;
      if (m[1] === 'author') {
        author = `${m[2]} <${m[3]}>`;
        authorTime = Number(m[4]);
      } else commitTime = Number(m[4]);
    }
  }
  return tree ? { tree, parents, author, authorTime, commitTime } : undefined;
}

/** Parse a tree object: `<mode> <name>\0<20-byte oid>` entries. */
export function parseTree(data: Buffer): { name: string; mode: string; oid: string; type: 'blob' | 'tree' | 'commit' }[] {
  const out: { name: string; mode: string; oid: string; type: 'blob' | 'tree' | 'commit' }[] = [];
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    const nul = data.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 21 > data.length) break;
    const mode = data.toString('latin1', pos, space).padStart(6, '0');
    const name = data.toString('utf8', space + 1, nul);
    const oid = data.toString('hex', nul + 1, nul + 21);
    out.push({ name, mode, oid, type: mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob' });
    pos = nul + 21;
  }
  return out;
}
