import { describe, expect, it } from 'vitest';
import { applySet } from '../../src/sources/helm/chart/strvals.js';
import { coalesceChart, mergeMaps } from '../../src/sources/helm/chart/coalesce.js';
import { decodeYaml } from '../../src/sources/helm/chart/yamlvalues.js';
import { toYamlText } from '../../src/sources/helm/funcs/yamlout.js';
import { readTgz } from '../../src/sources/helm/chart/tar.js';
import { satisfies } from '../../src/sources/helm/funcs/semver.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const set = (...args: string[]) => {
  const base: Record<string, unknown> = {};
  for (const a of args) applySet(base, a, false);
  return base;
};

describe('--set syntax', () => {
  it('nests keys, indexes lists, escapes dots and reads list literals', () => {
    expect(set('a.b=c,d=e')).toEqual({ a: { b: 'c' }, d: 'e' });
    expect(set('list[0].name=x', 'list[1].name=y')).toEqual({ list: [{ name: 'x' }, { name: 'y' }] });
    expect(set('annotations.prometheus\\.io/scrape=true')).toEqual({ annotations: { 'prometheus.io/scrape': true } });
    expect(set('hosts={a.example,b.example}')).toEqual({ hosts: ['a.example', 'b.example'] });
    expect(set('m[1][0]=z')).toEqual({ m: [null, ['z']] });
  });

  it('types values like Helm: ints and bools, but floats and zero-prefixed numbers stay strings', () => {
    expect(set('a=10,b=true,c=null,d=1.5,e=007,f=0')).toEqual({ a: 10n, b: true, c: null, d: '1.5', e: '007', f: 0n });
    const s: Record<string, unknown> = {};
    applySet(s, 'a=10,b=true', true);
    expect(s).toEqual({ a: '10', b: 'true' });
  });

  it('rejects keys without values', () => {
    expect(() => set('a.b')).toThrow(/has no value/);
    expect(() => set('a,b=c')).toThrow(/has no value/);
  });
});

describe('values decoding and merging', () => {
  it('decodes YAML as Helm does: YAML 1.1 booleans, float64 numbers, string timestamps, merge keys', () => {
    expect(decodeYaml('a: yes\nb: off\nc: 3\nd: 2024-01-02\nbase: &b {x: 1}\nm:\n  <<: *b\n  z: 2\n')).toEqual({ a: true, b: false, c: 3, d: '2024-01-02', base: { x: 1 }, m: { x: 1, z: 2 } });
    // go-yaml v2 reads a `y` key as the boolean true, so Helm's values have "true" there.
    expect(decodeYaml('y: 1')).toEqual({ true: 1 });
  });

  it('merges -f files in order, maps deeply', () => {
    expect(mergeMaps({ a: { x: 1, y: 2 }, l: [1] }, { a: { y: 3 }, l: [2] })).toEqual({ a: { x: 1, y: 3 }, l: [2] });
  });

  it('coalesces user values over chart defaults: null removes a default, subcharts get globals', () => {
    const chart = { name: 'top', values: { a: 1, b: { c: 2, d: 3 }, global: { g: 'top' } }, deps: [{ name: 'sub', values: { s: 1, global: { g: 'sub', h: 'sub' } }, deps: [] }] };
    const out = coalesceChart(chart, { b: { d: null }, sub: { s: 5 } }, false, () => undefined);
    expect(out).toEqual({ a: 1, b: { c: 2 }, global: { g: 'top' }, sub: { s: 5, global: { g: 'top', h: 'sub' } } });
  });
});

describe('toYaml matches go-yaml v2 output', () => {
  it('sorts keys, does not indent lists under keys, quotes ambiguous strings, uses literal blocks', () => {
    expect(toYamlText({ b: { c: 'yes' }, a: [1, 2] }).text).toBe('a:\n- 1\n- 2\nb:\n  c: "yes"');
    expect(toYamlText([{ name: 'a', l: ['x'] }]).text).toBe('- l:\n  - x\n  name: a');
    expect(toYamlText({ e: {}, f: [], g: null, h: '' }).text).toBe('e: {}\nf: []\ng: null\nh: ""');
    expect(toYamlText({ s: '123', t: 'a: b', u: 'multi\nline', v: 1e6, w: 1.5 }).text).toBe('s: "123"\nt: \'a: b\'\nu: |-\n  multi\n  line\nv: 1000000\nw: 1.5');
  });
});

describe('packaged charts and semver', () => {
  it('reads the files of a .tgz chart', () => {
    const entries = readTgz(readFileSync(join(__dirname, '../../fixtures/charts/umbrella/charts/cache-0.1.0.tgz')));
    expect(entries.map((e) => e.path).sort()).toEqual(['cache/Chart.yaml', 'cache/templates/service.yaml', 'cache/values.yaml']);
  });

  it('checks constraints like Masterminds/semver v3, pre-releases only with a pre-release constraint', () => {
    expect(satisfies('>=1.19-0', 'v1.27.3-eks-2')).toBe(true);
    expect(satisfies('>=1.19', 'v1.27.3-eks-2')).toBe(false);
    expect(satisfies('~1.2.3', '1.2.9')).toBe(true);
    expect(satisfies('~1.2.3', '1.3.0')).toBe(false);
    expect(satisfies('^0.2.3', '0.2.9')).toBe(true);
    expect(satisfies('^0.2.3', '0.3.0')).toBe(false);
    expect(satisfies('>= 1.2, < 2.0', '1.9.9')).toBe(true);
    expect(satisfies('1.2.x || >=3', '3.1.0')).toBe(true);
    expect(satisfies('1.2 - 1.4.5', '1.4.6')).toBe(false);
  });
});
