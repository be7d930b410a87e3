// Random and crypto functions, reproducible under the render seed: the n-th call in a
// render always yields the same bytes. Hashes use node:crypto.
import { createECDH, createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import type { FuncDef } from '../template/exec.js';
import { GoStruct, isNil } from '../template/values.js';
import { def, strval } from './convert.js';
import { buildCertificate, certCommonName, ed25519Key, keyPem } from './x509.js';

/** A deterministic byte stream: sha256(seed:counter) blocks. */
export class SeededRandom {
  private counter = 0;
  constructor(private readonly seed: string) {}
  bytes(n: number): Buffer {
    const out: Buffer[] = [];
    let have = 0;
    while (have < n) {
      const b = createHash('sha256').update(`${this.seed}:${this.counter++}`).digest();
      out.push(b);
      have += b.length;
    }
    return Buffer.concat(out).subarray(0, n);
  }
  int(max: number): number {
    return this.bytes(4).readUInt32BE() % max;
  }
}

const ALPHA = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const NUM = '0123456789';
const ASCII = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join('');

function randFrom(r: SeededRandom, chars: string, n: bigint): string {
  let out = '';
  for (let i = 0; i < Number(n); i++) out += chars[r.int(chars.length)];
  return out;
}

function uuid(r: SeededRandom): string {
  const b = r.bytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function certificate(cert: string, key: string): GoStruct {
  return new GoStruct('sprig.certificate', { Cert: cert, Key: key });
}

function ecKey(r: SeededRandom): KeyObject {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(r.bytes(32));
  const pub = ecdh.getPublicKey();
  const b64u = (b: Buffer) => b.toString('base64url');
  return createPrivateKey({ key: { kty: 'EC', crv: 'P-256', d: b64u(ecdh.getPrivateKey()), x: b64u(pub.subarray(1, 33)), y: b64u(pub.subarray(33)) }, format: 'jwk' });
}

function parseKey(text: string): KeyObject {
  try {
    return createPrivateKey(text);
  } catch (err) {
    throw new Error(`error parsing private key: ${(err as Error).message}`);
  }
}

function toStrings(v: unknown): string[] {
  if (isNil(v)) return [];
  if (!Array.isArray(v)) throw new Error(`Cannot use ${strval(v)} as a list`);
  return v.map(strval);
}

function caKey(ca: unknown): { key: KeyObject; cn: string } {
  if (!(ca instanceof GoStruct) || typeof ca.fields.Key !== 'string') throw new Error('error parsing ca: expected a certificate from genCA or buildCustomCert');
  try {
    return { key: createPrivateKey(ca.fields.Key as string), cn: certCommonName(String(ca.fields.Cert)) };
  } catch (err) {
    throw new Error(`error decoding CA private key: ${(err as Error).message}`);
  }
}

export function cryptoFuncs(r: SeededRandom, now: () => number): Record<string, FuncDef> {
  const cert = (cn: string, ips: unknown, dns: unknown, days: bigint, isCA: boolean, issuer?: { key: KeyObject; cn: string }, keyPemText?: string) => {
    const key = keyPemText !== undefined ? parseKey(keyPemText) : ed25519Key(r.bytes(32));
    const pemCert = buildCertificate({
      cn, ips: toStrings(ips), dns: toStrings(dns), days: Number(days), isCA,
      notBefore: new Date(Math.floor(now() / 1000) * 1000), serial: r.bytes(16),
      subjectKey: key, issuerKey: issuer?.key ?? key, issuerCN: issuer?.cn ?? cn,
    });
    return certificate(pemCert, keyPemText ?? keyPem(key));
  };
  return {
    randAlphaNum: def(['int'], (_c, n) => randFrom(r, ALPHA + NUM, n)),
    randAlpha: def(['int'], (_c, n) => randFrom(r, ALPHA, n)),
    randNumeric: def(['int'], (_c, n) => randFrom(r, NUM, n)),
    randAscii: def(['int'], (_c, n) => randFrom(r, ASCII, n)),
    randBytes: def(['int'], (_c, n) => r.bytes(Number(n)).toString('base64')),
    randInt: def(['int', 'int'], (_c, a, b) => a + BigInt(r.int(Number(b - a) || 1))),
    shuffle: def(['string'], (_c, s) => {
      const chars = [...s];
      for (let i = chars.length - 1; i > 0; i--) { const j = r.int(i + 1); [chars[i], chars[j]] = [chars[j], chars[i]]; }
      return chars.join('');
    }),
    uuidv4: def([], () => uuid(r)),
    htpasswd: def(['string', 'string'], (_c, user, pass) => {
      if (user.includes(':')) return `invalid username: ${user}`;
      return `${user}:${pseudoBcrypt(r, pass)}`;
    }),
    bcrypt: def(['string'], (_c, pass) => pseudoBcrypt(r, pass)),
    genPrivateKey: def(['string'], (_c, type) => {
      if (type === 'ecdsa') return ecKey(r).export({ type: 'sec1', format: 'pem' }) as string;
      if (type === 'rsa' || type === 'ed25519' || type === 'dsa') return keyPem(ed25519Key(r.bytes(32)));
      return `Unknown type ${type}`;
    }),
    genCA: def(['string', 'int'], (_c, cn, days) => cert(cn, [], [], days, true)),
    genSelfSignedCert: def(['string', 'list', 'list', 'int'], (_c, cn, ips, dns, days) => cert(cn, ips, dns, days, false)),
    genSignedCert: def(['string', 'list', 'list', 'int', 'any'], (_c, cn, ips, dns, days, ca) => cert(cn, ips, dns, days, false, caKey(ca))),
    genCAWithKey: def(['string', 'int', 'string'], (_c, cn, days, key) => cert(cn, [], [], days, true, undefined, key)),
    genSelfSignedCertWithKey: def(['string', 'list', 'list', 'int', 'string'], (_c, cn, ips, dns, days, key) => cert(cn, ips, dns, days, false, undefined, key)),
    genSignedCertWithKey: def(['string', 'list', 'list', 'int', 'any', 'string'], (_c, cn, ips, dns, days, ca, key) => cert(cn, ips, dns, days, false, caKey(ca), key)),
    buildCustomCert: def(['string', 'string'], (_c, c, k) => {
      const certText = Buffer.from(c, 'base64').toString('utf8');
      const keyText = Buffer.from(k, 'base64').toString('utf8');
      if (!certText.includes('-----BEGIN CERTIFICATE-----')) throw new Error('unable to decode base64 certificate');
      if (!keyText.includes('PRIVATE KEY-----')) throw new Error('unable to decode base64 private key');
      return certificate(certText, keyText);
    }),
  };
}

/** A bcrypt-shaped string ($2a$10$ + 53 chars) derived from the seed; not a real bcrypt hash. */
function pseudoBcrypt(r: SeededRandom, pass: string): string {
  const salt = r.bytes(16);
  const h = createHash('sha256').update(salt).update(pass).digest();
  const enc = Buffer.concat([salt, h]).toString('base64').replace(/[+=]/g, '.').replace(/\//g, '/');
  return '$2a$10$' + enc.slice(0, 53);
}
