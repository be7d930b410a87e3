// Expressions rewritten for linear time (see redos.test.ts) still mean what they meant, and finish
// on the inputs that made the old forms backtrack polynomially.
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { parseEnvFile } from '../../src/sources/envfile.js';
import { mayUseAliases } from '../../src/sources/yaml.js';
import { DETECTORS, findUrlCredentials, secretWordStarts } from '../../src/secrets/detectors.js';
import { resolveExpressions, type Workflow, type WorkflowJob } from '../../src/sources/workflow.js';
import { tempProject } from '../helpers/cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('env file values: trailing blanks', () => {
  it('are trimmed as before', () => {
    const entries = parseEnvFile('A=value \t \nB=  two words\t\nC=x # comment\nD=   \n');
    expect(entries.map((e) => [e.key, e.value])).toEqual([['A', 'value'], ['B', 'two words'], ['C', 'x'], ['D', '']]);
  });

  it('keep a line whose value holds U+2028 or U+2029 (JavaScript line terminators)', () => {
    const entries = parseEnvFile('A=1\nB=x\u2028y\nC=p\u2029q\nD=4\n');
    expect(entries.map((e) => [e.key, e.value])).toEqual([['A', '1'], ['B', 'x\u2028y'], ['C', 'p\u2029q'], ['D', '4']]);
  });

  it('long inner blank runs are not rescanned from every blank', () => {
    const value = 'a' + ' '.repeat(1_000_000) + 'b';
    expect(parseEnvFile(`A=${value}\n`)[0].value).toBe(value);
  });
});

describe('YAML anchors that an alias may use', () => {
  // The regular expression the scan replaced, kept here as the reference.
  const OLD_ANCHOR = /(?:^|[\s[{,:-])&([^\s,[\]{}]+)(?=[\s,\]}]|$)/gm;
  const old = (body: string) => [...body.matchAll(OLD_ANCHOR)].some((m) => body.includes(`*${m[1]}`));

  it('are found as the regular expression found them', () => {
    const piece = fc.constantFrom('&', '*', 'a', 'b', '-', ':', ' ', '\n', '\r', '{', '}', '[', ']', ',', '\u2028', 'x', '&a', '*a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), (body) => {
        expect(mayUseAliases(body)).toBe(old(body));
      }),
      { numRuns: 20_000 },
    );
  });

  it('are looked for in one pass over a token full of `-&`', () => {
    // The old expression retried from every `-&` to the `{`: quadratic, ~10^11 steps here.
    expect(mayUseAliases('x: ' + '-&'.repeat(300_000) + '{')).toBe(false);
    expect(mayUseAliases('a: &base {x: 1}\nb: *base\n')).toBe(true);
  });
});

describe('passwords in URLs', () => {
  // The expression the finder replaced, kept here as the reference.
  const OLD_URL = /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/'"\x60]{1,128}:(?<secret>[^\s@/'"\x60]{1,256})@[A-Za-z0-9_.\[\]-]{1,253}/dgi;
  const old = (text: string) => [...text.matchAll(OLD_URL)].map((m) => m.indices!.groups!.secret!);

  it('are found where the regular expression found them', () => {
    const piece = fc.constantFrom('://', 'postgres', 'A', 'x1', '+', '.', '-', ':', '@', 'u', 'p4ss', '/', ' ', '\n', '_', '"', 'h.example', '[', 'ab'.repeat(11));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }).map((a) => a.join('')), (text) => {
        expect(findUrlCredentials(text).map((m) => [m.start, m.end])).toEqual(old(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('are found in the usual forms', () => {
    const text = 'a: postgres://app:s3cr3t@db:5432/x\nb: HTTPS://u:p@h.example.com x://u:p@h redis://:pw@cache\n';
    expect(findUrlCredentials(text).map((m) => m.secret)).toEqual(old(text).map(([s, e]) => text.slice(s, e)));
    expect(findUrlCredentials(text).map((m) => m.secret)).toEqual(['s3cr3t', 'p']);
  });
});

describe('secret words that make a line worth parsing for assignments', () => {
  // The expression the literal searches replaced, kept here as the reference.
  const OLD_SECRET_WORD = /pass|pwd|secret|token|cred|(?:api|private|access|signing|encryption|master|auth|account|shared|ssh|deploy)[\W_]?key/g;
  /** Line starts the old loop parsed: each match's line, then on from that line's end. */
  const oldLines = (lower: string) => {
    const lines: number[] = [];
    OLD_SECRET_WORD.lastIndex = 0;
    for (let m = OLD_SECRET_WORD.exec(lower); m; m = OLD_SECRET_WORD.exec(lower)) {
      lines.push(lower.lastIndexOf('\n', m.index) + 1);
      const newline = lower.indexOf('\n', m.index);
      OLD_SECRET_WORD.lastIndex = newline < 0 ? lower.length : newline;
    }
    return lines;
  };
  const newLines = (lower: string) => {
    const lines: number[] = [];
    let done = 0;
    for (const at of secretWordStarts(lower)) {
      if (at < done) continue;
      lines.push(lower.lastIndexOf('\n', at) + 1);
      const newline = lower.indexOf('\n', at);
      done = newline < 0 ? lower.length : newline;
    }
    return lines;
  };

  it('are the lines the regular expression found', () => {
    const piece = fc.constantFrom('pass', 'pwd', 'secret', 'token', 'cred', 'key', 'api', 'private', 'ssh', 'deploy', 'auth', 'account', '_', '-', ' ', '\n', 'a', 'k', 'x', '=', '9', 'pas', 'ke', '\u00e9');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), (lower) => {
        expect(newLines(lower)).toEqual(oldLines(lower));
      }),
      { numRuns: 20_000 },
    );
  });

  it('give the same generic findings, a key split across lines included', () => {
    const generic = DETECTORS.find((d) => d.id === 'generic-secret-assignment')!;
    const text = 'DB_PASSWORD=Zx81kQ0pLm2vTq7w\nmy_api\nkey: "Qp7vL2mZx9wK4tR8"\nmonkey=Qp7vL2mZx9wK4tR8\nSSH-KEY=Hh3kL9pQ2xZ7wV5t\n';
    const found = generic.find!(text, text.toLowerCase()).map((m) => m.secret);
    // Without the lower-cased text, the case-insensitive expression is used: the same findings.
    expect(generic.find!(text).map((m) => m.secret)).toEqual(found);
    expect(found).toEqual(['Zx81kQ0pLm2vTq7w', 'Hh3kL9pQ2xZ7wV5t']);
  });
});

describe('workflow expressions', () => {
  const job: WorkflowJob = { id: 'build', path: [], runsOn: [], matrix: { arch: ['amd64', 'arm64'] }, env: { TAG: '1.2.3' }, steps: [] };
  const wf = { path: '.github/workflows/ci.yml', env: {}, jobs: [job] } as unknown as Workflow;

  it('are read with the blanks around them trimmed, as before', () => {
    expect(resolveExpressions('app:${{env.TAG}}-${{  matrix.arch \n }}', wf, job)).toEqual(['app:1.2.3-amd64', 'app:1.2.3-arm64']);
    expect(resolveExpressions("x-${{ 'lit' }}", wf, job)).toEqual(['x-lit']);
  });

  it('an unclosed expression followed by a long blank run finishes', () => {
    expect(resolveExpressions('${{' + ' '.repeat(200_000) + 'x', wf, job)).toEqual(['${{' + ' '.repeat(200_000) + 'x']);
  });
});

describe('connection strings in env values', () => {
  async function dsnFindings(value: string) {
    const dir = tempProject({
      'app.yaml': `apiVersion: v1\nkind: Pod\nmetadata: { name: app, namespace: shop }\nspec:\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0.0\n      env:\n        - name: DB\n          value: ${JSON.stringify(value)}\n`,
    });
    dirs.push(dir);
    const result = await scan({ paths: [dir], history: false, onlyRules: ['dsn-localhost', 'dsn-embedded-password', 'dsn-ssl-required'] });
    expect(result.errors).toEqual([]);
    return result.findings.map((f) => f.ruleId).sort();
  }

  it('key=value connection strings are still recognised', async () => {
    expect(await dsnFindings('host=localhost port=5432 dbname=app user=app password=Sup3rS3cretPassw0rd sslmode=disable')).toContain('dsn-localhost');
  });

  it('a value of many `=` and blanks (the old prefilter backtracked cubically) finishes', async () => {
    expect(await dsnFindings('='.repeat(4000) + ' '.repeat(4000) + 'x')).toEqual([]);
  });
});
