// Minimal X.509 certificate builder (DER) for genCA/genSignedCert/genSelfSignedCert.
// Keys are Ed25519 derived from the render seed, so certificates are reproducible:
// same chart, same seed, same bytes. (Helm makes RSA keys with fresh randomness.)
import { createPrivateKey, createPublicKey, sign, X509Certificate, type KeyObject } from 'node:crypto';

function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
}

const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const explicit = (n: number, body: Buffer) => tlv(0xa0 + n, body);
const octets = (b: Buffer) => tlv(0x04, b);
const bits = (b: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), b]));
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0]));

function integer(b: Buffer): Buffer {
  let body = b;
  while (body.length > 1 && body[0] === 0 && body[1] < 0x80) body = body.subarray(1);
  if (body[0] >= 0x80) body = Buffer.concat([Buffer.from([0]), body]);
  return tlv(0x02, body);
}

function oid(s: string): Buffer {
  const parts = s.split('.').map(Number);
  const out = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const enc: number[] = [p & 0x7f];
    for (let v = p >>> 7; v > 0; v >>>= 7) enc.unshift(0x80 | (v & 0x7f));
    out.push(...enc);
  }
  return tlv(0x06, Buffer.from(out));
}

function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}

function name(cn: string): Buffer {
  return seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn, 'utf8')))));
}

function ipBytes(ip: string): Buffer | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return Buffer.from(ip.split('.').map(Number));
  if (ip.includes(':')) {
    const [head, tail = ''] = ip.split('::');
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
    if (groups.length !== 8) return undefined;
    return Buffer.concat(groups.map((g) => { const b = Buffer.alloc(2); b.writeUInt16BE(parseInt(g || '0', 16)); return b; }));
  }
  return undefined;
}

/** An Ed25519 private key from 32 seed bytes. */
export function ed25519Key(seed: Buffer): KeyObject {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed.subarray(0, 32)]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

function signatureAlgorithm(key: KeyObject): { algId: Buffer; digest: string | null } {
  switch (key.asymmetricKeyType) {
    case 'rsa': return { algId: seq(oid('1.2.840.113549.1.1.11'), tlv(0x05, Buffer.alloc(0))), digest: 'sha256' };
    case 'ec': return { algId: seq(oid('1.2.840.10045.4.3.2')), digest: 'sha256' };
    default: return { algId: seq(oid('1.3.101.112')), digest: null };
  }
}

export interface CertSpec {
  cn: string;
  ips: string[];
  dns: string[];
  notBefore: Date;
  days: number;
  isCA: boolean;
  serial: Buffer;
  subjectKey: KeyObject;
  issuerKey: KeyObject;
  issuerCN: string;
}

export function buildCertificate(spec: CertSpec): string {
  const { algId, digest } = signatureAlgorithm(spec.issuerKey);
  const spki = createPublicKey(spec.subjectKey).export({ type: 'spki', format: 'der' }) as Buffer;
  const notAfter = new Date(spec.notBefore.getTime() + spec.days * 86400000);
  const ext: Buffer[] = [];
  // keyUsage: digitalSignature + keyEncipherment (+ certSign for CAs).
  ext.push(seq(oid('2.5.29.15'), bool(true), octets(spec.isCA ? tlv(0x03, Buffer.from([0x02, 0xa4])) : tlv(0x03, Buffer.from([0x05, 0xa0])))));
  ext.push(seq(oid('2.5.29.37'), octets(seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2')))));
  if (spec.isCA) ext.push(seq(oid('2.5.29.19'), bool(true), octets(seq(bool(true)))));
  const alt: Buffer[] = [
    ...spec.dns.map((d) => tlv(0x82, Buffer.from(d, 'utf8'))),
    ...spec.ips.map(ipBytes).filter((b): b is Buffer => !!b).map((b) => tlv(0x87, b)),
  ];
  if (alt.length) ext.push(seq(oid('2.5.29.17'), octets(seq(...alt))));
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(spec.serial),
    algId,
    name(spec.issuerCN),
    seq(time(spec.notBefore), time(notAfter)),
    name(spec.cn),
    spki,
    tlv(0xa3, seq(...ext)),
  );
  const sig = sign(digest, tbs, spec.issuerKey);
  const der = seq(tbs, algId, bits(sig));
  return pem('CERTIFICATE', der);
}

export function pem(label: string, der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

export function keyPem(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }) as string;
}

/** The CN of a PEM certificate (to name the issuer of certificates it signs). */
export function certCommonName(certPem: string): string {
  try {
    const subject = new X509Certificate(certPem).subject;
    return /(?:^|\n)CN=([^\n]*)/.exec(subject)?.[1] ?? '';
  } catch {
    return '';
  }
}
