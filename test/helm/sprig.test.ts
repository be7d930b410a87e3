import { describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { run } from './helpers.js';

describe('sprig and Helm functions', () => {
  it('strings', () => {
    expect(run('{{ "hello world" | title }} {{ "HeLLo" | lower }} {{ trunc 3 "abcdef" }} {{ trunc -2 "abcdef" }} {{ substr 1 3 "abcdef" }}')).toBe('Hello World hello abc ef bc');
    expect(run('{{ "a-b-" | trimSuffix "-" }} {{ trimPrefix "x" "xxy" }} {{ trimAll "$" "$5.00$" }} {{ nospace "a b  c" }} {{ "FooBar" | snakecase }} {{ "foo_bar" | camelcase }} {{ "FooBar" | kebabcase }}')).toBe('a-b xy 5.00 abc foo_bar FooBar foo-bar');
    expect(run('{{ quote "a" 1 nil }} {{ squote "a" }} {{ cat "a" nil 2 }} {{ indent 2 "x\\ny" }} {{ replace "a" "b" "aaa" }} {{ repeat 3 "ab" }}')).toBe('"a" "1" \'a\' a 2   x\n  y bbb ababab');
    expect(run('{{ split "," "a,b" | toJson }} {{ splitn "," 2 "a,b,c" | toJson }} {{ join "-" (list 1 "x" nil) }} {{ toStrings (list 1 2) | toJson }}')).toBe('{"_0":"a","_1":"b"} {"_0":"a","_1":"b,c"} 1-x ["1","2"]');
  });

  it('lists and dicts', () => {
    expect(run('{{ list 3 1 2 | sortAlpha | toJson }} {{ list 1 2 2 1 | uniq | toJson }} {{ without (list 1 2 3) 2 | toJson }} {{ has 2 (list 1 2) }} {{ compact (list "" 1 nil 0 "a") | toJson }}')).toBe('["1","2","3"] [1,2] [1,3] true [1,"a"]');
    expect(run('{{ concat (list 1) (list 2 3) | toJson }} {{ prepend (list 2) 1 | toJson }} {{ append (list 1) 2 | toJson }} {{ first (list) }} {{ rest (list 1 2 3) | toJson }} {{ initial (list 1 2 3) | toJson }} {{ reverse (list 1 2) | toJson }} {{ slice (list 1 2 3 4) 1 3 | toJson }}')).toBe('[1,2,3] [1,2] [1,2] <no value> [2,3] [1,2] [2,1] [2,3]');
    expect(run('{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $_ := unset $d "a" }}{{ toJson $d }} {{ get $d "b" }} {{ get $d "zz" | quote }} {{ keys (dict "b" 1 "a" 2) | toJson }} {{ pluck "a" (dict "a" 1) (dict "a" 2) | toJson }}')).toBe('{"b":2} 2 "" ["a","b"] [1,2]');
    expect(run('{{ $dst := dict "a" 1 "n" (dict "x" 1) }}{{ mergeOverwrite $dst (dict "a" 2 "n" (dict "y" 2)) | toJson }} {{ merge (dict "a" "") (dict "a" "z" "b" 1) | toJson }} {{ dig "a" "b" "none" (dict "a" (dict "b" "deep")) }}')).toBe('{"a":2,"n":{"x":1,"y":2}} {"a":"z","b":1} deep');
  });

  it('defaults, types and conversions', () => {
    expect(run('{{ default "d" "" }} {{ default "d" "v" }} {{ empty 0 }} {{ empty (dict) }} {{ coalesce nil "" "x" }} {{ ternary 1 2 false }} {{ all 1 "a" }} {{ any 0 "" }}')).toBe('d v true true x 2 true false');
    expect(run('{{ typeOf 1 }} {{ typeOf 1.5 }} {{ typeOf "s" }} {{ typeOf (list) }} {{ kindOf (dict) }} {{ kindIs "slice" (list) }} {{ typeIs "bool" true }}')).toBe('int float64 string []interface {} map true true');
    expect(run('{{ int "42" }} {{ int 3.9 }} {{ float64 "1.5" }} {{ atoi "7" }} {{ toString 1.5 }} {{ int64 true }} {{ "0x10" | int }}')).toBe('42 3 1.5 7 1.5 1 16');
  });

  it('math', () => {
    expect(run('{{ add 1 2 "3" }} {{ sub 5 7 }} {{ mul 2 3 4 }} {{ div 7 2 }} {{ mod 7 3 }} {{ max 1 9 3 }} {{ min 4 2 }} {{ add1 1.9 }} {{ floor 1.7 }} {{ ceil 1.2 }} {{ round 3.14159 2 }}')).toBe('6 -2 24 3 1 9 2 2 1 2 3.14');
    expect(run('{{ addf 0.1 0.2 }} {{ mulf 1.1 3 }} {{ divf 10 4 }} {{ subf 1 0.9 }}')).toBe('0.3 3.3 2.5 0.1');
    expect(() => run('{{ div 1 0 }}')).toThrow(/integer divide by zero/);
  });

  it('encoding, hashing, JSON/YAML/TOML', () => {
    expect(run('{{ b64enc "kubelint" }} {{ b64dec "a3ViZWxpbnQ=" }} {{ b32enc "hi" }} {{ sha1sum "a" }} {{ adler32sum "abc" }}')).toBe('a3ViZWxpbnQ= kubelint NBUQ==== 86f7e437faa5a7fce15d1ddcb9eaeaea377667b8 38600999');
    expect(run('{{ toJson (dict "h" "<a&b>" "n" 1.5) }} {{ toRawJson (dict "h" "<a>") }} {{ toPrettyJson (dict "a" (list 1)) }}')).toBe('{"h":"\\u003ca\\u0026b\\u003e","n":1.5} {"h":"<a>"} {\n  "a": [\n    1\n  ]\n}');
    expect(run('{{ (fromJson "{\\"a\\": [1, 2]}").a | len }} {{ (fromYaml "- 1").Error | contains "cannot unmarshal" }} {{ fromYamlArray "[1, 2]" | len }} {{ toToml (dict "a" 1 "t" (dict "b" "x")) }}')).toBe('2 true 2 a = 1\n\n[t]\n  b = "x"\n');
  });

  it('regex and semver', () => {
    expect(run('{{ regexMatch "^[a-z]+$" "abc" }} {{ regexFindAll "[0-9]" "a1b2c3" 2 | toJson }} {{ regexSplit "[,;]" "a,b;c" -1 | toJson }} {{ regexReplaceAllLiteral "a" "banana" "$1" }} {{ regexReplaceAll "(?i)A(?P<rest>n)" "banana" "<${rest}>" }}')).toBe('true ["1","2"] ["a","b","c"] b$1n$1n$1 b<n><n>a');
    expect(run('{{ semverCompare ">=1.20.0-0" "v1.28.2-gke.1" }} {{ (semver "2.3.4-rc.1").Prerelease }} {{ (semver "v1.2.3").Major }}')).toBe('true rc.1 1');
  });

  it('dates use the render clock', () => {
    expect(run('{{ now | date "Mon Jan 2 15:04:05 2006" }} {{ now | unixEpoch }} {{ dateInZone "15:04 MST" now "UTC" }} {{ now | dateModify "1h30m" | date "15:04" }} {{ toDate "2006-01-02" "2023-05-06" | date "02/01/06" }} {{ duration 3700 }}')).toBe('Tue Jan 2 03:04:05 2024 1704164645 03:04 UTC 04:34 06/05/23 1h1m40s');
  });

  it('random and crypto functions are reproducible and produce real certificates', () => {
    const t = '{{ randAlphaNum 12 }} {{ randNumeric 4 }} {{ uuidv4 }} {{ shuffle "abcdef" }}';
    const a = run(t);
    expect(a).toBe(run(t));
    expect(a).toMatch(/^[A-Za-z0-9]{12} \d{4} [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12} [a-f]{6}$/);
    const out = run('{{ $ca := genCA "my-ca" 365 }}{{ $s := genSignedCert "api.default.svc" (list "10.0.0.1") (list "api") 30 $ca }}{{ $ca.Cert }}@@{{ $s.Cert }}');
    const [ca, cert] = out.split('@@').map((p) => new X509Certificate(p));
    expect(cert.subject).toBe('CN=api.default.svc');
    expect(cert.issuer).toBe('CN=my-ca');
    expect(cert.subjectAltName).toBe('DNS:api, IP Address:10.0.0.1');
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(ca.ca).toBe(true);
  });

  it('unsupported functions are named in the error', () => {
    expect(() => run('{{ getHostByName "example.com" }}')).toThrow(/getHostByName is not supported/);
    expect(() => run('{{ env "HOME" }}')).toThrow(/function "env" not defined/);
  });

  it('include, tpl and required', () => {
    expect(run('{{ define "x" }}[{{ .a }}]{{ end }}{{ include "x" (dict "a" 1) | upper }} {{ tpl "{{ .b }}!" (dict "b" 2) }}')).toBe('[1] 2!');
    expect(() => run('{{ include "nope" . }}')).toThrow(/no template "nope"/);
    expect(() => run('{{ required "x is needed" "" }}')).toThrow(/execution error at \(t:1:4\): x is needed/);
  });
});
