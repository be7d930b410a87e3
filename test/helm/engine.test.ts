import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const go = (src: string, data: unknown = {}) => run(src, data, { builtinsOnly: true });

describe('Go text/template semantics', () => {
  it('prints values with Go formatting', () => {
    expect(go('{{ .m }}', { m: { b: 2, a: 1.5, c: [1, 'x', null] } })).toBe('map[a:1.5 b:2 c:[1 x <nil>]]');
    expect(go('{{ .missing }}|{{ .n }}', { n: null })).toBe('<no value>|<no value>');
    expect(go('{{ .big }} {{ .small }} {{ .f }}', { big: 1234567, small: 0.00001, f: 123456 })).toBe('1.234567e+06 1e-05 123456');
    expect(go('{{ 3 }} {{ 3.0 }} {{ 1e3 }} {{ 0x1F }} {{ \'a\' }}')).toBe('3 3 1000 31 97');
  });

  it('trims whitespace around {{- and -}} and drops comments', () => {
    expect(go('a  {{- 1 -}}  b\n{{/* note */}}c {{- /* x */ -}} d')).toBe('a1b\ncd');
  });

  it('scopes variables to control structures and allows assignment', () => {
    expect(go('{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ $y := 3 }}{{ $y }}{{ end }}{{ $x }}')).toBe('32');
    expect(go('{{ range $i, $v := .l }}{{ $i }}={{ $v }};{{ end }}', { l: ['a', 'b'] })).toBe('0=a;1=b;');
    expect(go('{{ range .l }}{{ $.top }}{{ . }}{{ end }}', { l: [1, 2], top: 'T' })).toBe('T1T2');
  });

  it('ranges over maps in sorted key order, over ints, with else, break and continue', () => {
    expect(go('{{ range $k, $v := . }}{{ $k }}{{ $v }}{{ end }}', { z: 1, a: 2, m: 3 })).toBe('a2m3z1');
    expect(go('{{ range 3 }}{{ . }}{{ end }}')).toBe('012');
    expect(go('{{ range .l }}x{{ else }}empty{{ end }}', { l: [] })).toBe('empty');
    expect(go('{{ range .l }}{{ if eq . 2 }}{{ continue }}{{ end }}{{ if eq . 4 }}{{ break }}{{ end }}{{ . }}{{ end }}', { l: [1n, 2n, 3n, 4n, 5n] })).toBe('13');
  });

  it('if / else if / else and with / else', () => {
    const t = '{{ if .a }}A{{ else if .b }}B{{ else }}C{{ end }}';
    expect(go(t, { a: 1 })).toBe('A');
    expect(go(t, { b: 'x' })).toBe('B');
    expect(go(t, { a: 0, b: '' })).toBe('C');
    expect(go('{{ with .x }}{{ . }}{{ else }}none{{ end }}', { x: { k: 1 } })).toBe('map[k:1]');
    expect(go('{{ with .x }}{{ . }}{{ else }}none{{ end }}', { x: {} })).toBe('none');
  });

  it('define, template and block', () => {
    expect(go('{{ define "t" }}[{{ . }}]{{ end }}{{ template "t" 1 }}{{ template "t" }}')).toBe('[1][<no value>]');
    expect(go('{{ block "b" . }}default {{ .x }}{{ end }}', { x: 7 })).toBe('default 7');
  });

  it('builtin functions', () => {
    expect(go('{{ and 1 0 2 }} {{ or 0 "" "z" }} {{ not 0 }} {{ len "héllo" }} {{ len .l }}', { l: [1, 2] })).toBe('0 z true 6 2');
    expect(go('{{ index .m "a" 1 }} {{ index .m "zz" }} {{ slice "abcdef" 1 3 }}', { m: { a: [10, 20] } })).toBe('20 <no value> bc');
    expect(go('{{ print 1 2 "a" "b" 3 }}|{{ println "x" 1 }}|{{ printf "%05.1f %x %q %v %T" 3.14159 255 "hi" .m .m }}', { m: { a: 1 } }))
      .toBe('1 2ab3|x 1\n|003.1 ff "hi" map[a:1] map[string]interface {}');
    expect(go('{{ html "<a href=\'x\'>" }} {{ js "it\'s <b>" }} {{ urlquery "a b&c" }}')).toBe('&lt;a href=&#39;x&#39;&gt; it\\\'s \\u003Cb\\u003E a+b%26c');
    expect(go('{{ eq 1 1 2 }} {{ ne "a" "b" }} {{ lt 1 2 }} {{ le 2 2 }} {{ gt "b" "a" }} {{ ge 1.5 2.5 }}')).toBe('true true true true true false');
  });

  it('printf reports bad verbs the Go way', () => {
    expect(go('{{ printf "%d" .port }}', { port: 8080 })).toBe('%!d(float64=8080)');
    expect(go('{{ printf "%s %s" "a" }}')).toBe('a %!s(MISSING)');
  });

  it('fails like Go on nil pointers, bad comparisons, unknown functions and variables', () => {
    expect(() => go('{{ .a.b.c }}', { a: {} })).toThrow(/nil pointer evaluating interface \{\}\.c/);
    expect(() => go('{{ eq .n 1 }}', { n: 1.0 })).toThrow(/incompatible types for comparison/);
    expect(() => go('{{ nope 1 }}')).toThrow(/function "nope" not defined/);
    expect(() => go('{{ $u }}')).toThrow(/undefined variable "\$u"/);
    expect(() => go('{{ if }}')).toThrow(/missing value for if/);
    expect(() => go('{{ range .x }}')).toThrow(/unexpected EOF/);
    expect(() => go('{{ break }}')).toThrow(/outside \{\{range\}\}/);
  });

  it('reports the template line and column of execution errors', () => {
    expect(() => go('line1\n  {{ .a.b }}', {})).toThrow(/t:2:6: executing "t" at <\.a\.b>/);
  });
});
