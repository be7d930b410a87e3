// Private key blocks: PEM (RSA, DSA, EC, PKCS#8, encrypted PKCS#8, OpenSSH, SSH2, PGP) and PuTTY
// `.ppk` files. Found with indexOf instead of one big regex, so a BEGIN line without an END
// costs one bounded look-ahead, never a backtracking scan.
import type { ValueJudgement } from './names.js';

export interface KeyBlock {
  start: number;
  end: number;
  /** The key kind named in the header: 'RSA', 'OPENSSH', 'PGP', 'PuTTY'... ('' for PKCS#8). */
  kind: string;
  text: string;
}

/** A key body longer than this is not a key we can recognise; stop looking for its END. */
const MAX_BLOCK = 64 * 1024;

// `-----BEGIN RSA PRIVATE KEY-----`, `-----BEGIN PGP PRIVATE KEY BLOCK-----`, `---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----`.
const PEM_HEADER = /-{4,5}[ ]?BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY(?: BLOCK)?[ ]?-{4,5}/g;
const PEM_FOOTER = /-{4,5}[ ]?END[ ]/g;

export function findPemKeys(text: string): KeyBlock[] {
  const out: KeyBlock[] = [];
  PEM_HEADER.lastIndex = 0;
  let m: RegExpExecArray | null;
  // The next footer at or after the current header; searched again only once passed, so many
  // headers without footers cost one forward scan, not one per header.
  let footer: RegExpExecArray | null | undefined;
  while ((m = PEM_HEADER.exec(text))) {
    const start = m.index;
    const bodyStart = start + m[0].length;
    if (footer === undefined || (footer && footer.index < bodyStart)) {
      PEM_FOOTER.lastIndex = bodyStart;
      footer = PEM_FOOTER.exec(text);
    }
    if (!footer) break;
    const endAt = footer.index;
    if (endAt - bodyStart > MAX_BLOCK) continue;
    const after = endAt + footer[0].length;
    const close = text.indexOf('----', after);
    const end = close < 0 || close - after > 80 ? after : close + (text.startsWith('-----', close) ? 5 : 4);
    out.push({ start, end, kind: m[1].trim(), text: text.slice(start, end) });
    PEM_HEADER.lastIndex = end;
  }
  return out;
}

const PUTTY_HEADER = /PuTTY-User-Key-File-[23]:[ ]{0,4}[a-z0-9-]{1,40}/g;

export function findPuttyKeys(text: string): KeyBlock[] {
  const out: KeyBlock[] = [];
  PUTTY_HEADER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PUTTY_HEADER.exec(text))) {
    const privateLines = text.indexOf('Private-Lines:', m.index);
    if (privateLines < 0 || privateLines - m.index > MAX_BLOCK) continue;
    const mac = text.indexOf('Private-MAC:', privateLines);
    const lineEnd = mac < 0 ? -1 : text.indexOf('\n', mac);
    const end = mac < 0 ? Math.min(text.length, privateLines + 4096) : lineEnd < 0 ? text.length : lineEnd;
    out.push({ start: m.index, end, kind: 'PuTTY', text: text.slice(m.index, end) });
    PUTTY_HEADER.lastIndex = end;
  }
  return out;
}

/**
 * A key block is real when its body holds enough base64 to be key material. Documentation writes
 * `-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----` or `<your key here>` instead.
 */
export function judgeKeyBlock(block: string): ValueJudgement {
  const firstBreak = block.search(/\r?\n|\\n/);
  const lastDash = block.search(/-{4,5} ?END /);
  const body = firstBreak < 0 ? '' : block.slice(firstBreak, lastDash < 0 ? undefined : lastDash);
  if (/\.\.\.|…|<[^>\n]{0,80}>|\{\{|\$\{|xxxx|XXXX/.test(body)) return 'placeholder';
  const material = body
    .replace(/\\n/g, '\n')
    .split(/\r?\n/)
    .filter((line) => !/^[ \t"']*[A-Za-z-]{2,40}:/.test(line)) // Proc-Type:, DEK-Info:, Comment:
    .join('')
    .replace(/[^A-Za-z0-9+/=]/g, '');
  if (material.length < 64) return 'placeholder';
  if (/example/i.test(body)) return 'example';
  return 'real';
}
