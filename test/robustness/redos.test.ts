// Every regular expression written in src/** and rules/** is checked for catastrophic backtracking
// with recheck (https://makenowjust-labs.github.io/recheck/). recheck classifies each pattern as
// linear, polynomial (with its degree) or exponential, from an automaton analysis backed by fuzzing.
// It never needs Java here: it runs its native build when the optional package for this platform is
// installed (about 20 s for all patterns on two cores), else its pure-JavaScript build in a worker
// (the same analysis compiled with Scala.js, several times slower).
//
// The policy:
// - exponential: always a failure, whatever the input;
// - polynomial, when the pattern holds only bounded quantifiers: accepted, since the work from one
//   start position is bounded by a constant, so a scan stays linear in the input;
// - polynomial otherwise: a failure unless listed in REVIEWED below with the reason its input is
//   small (a name, a version, one instruction). Patterns that run over file-sized text were
//   rewritten instead. A REVIEWED entry whose pattern no longer exists in the source fails too, so
//   the list stays true.
import { createRequire } from 'node:module';
import { check, type Diagnostics } from 'recheck';
import { describe, expect, it } from 'vitest';
import { collectRegexes, type FoundRegex } from './regexes.js';

const NAME = 'an environment variable or setting name';
const HELM = 'a Helm template function argument or number text (one value of a chart)';
const IMAGE = 'an image reference or tag';

/** Polynomial patterns accepted after review: pattern source -> why its input stays small. */
const REVIEWED: Record<string, string> = {
  // Dockerfile and shell commands: one instruction or command segment at a time.
  '\\bpip[0-9.]*\\s+(?:install|wheel|download)\\b[^\\n;&|]*\\s(?:-r|--requirement)[\\s=]': 'one RUN command segment; quadratic only in the number of pip commands within it',
  '\\bpip[0-9.]*\\s+install\\b[^\\n;&|]*\\s(?:-e\\s+)?(?:\\.|\\.\\/|\\/\\S+\\/?|\\.\\[[^\\]]*\\])(?=\\s|$)': 'one RUN command segment',
  '\\buv\\s+(?:sync|pip\\s+(?:sync|install\\b[^\\n;&|]*\\s(?:-r|--requirement)[\\s=]))': 'one RUN command segment',
  '\\b(?:python[0-9.]*|pypy[0-9]*|uvicorn|gunicorn|hypercorn|daphne|celery|flask|django-admin|streamlit|fastapi|[\\w/-]+\\.py)\\b': 'a start command; quadratic only within one path-like word',
  '\\/+$': 'a path (COPY source, Helm base)',
  '^-[a-zA-Z]*c[a-zA-Z]*$': 'one shell word',
  'kafka-storage(\\.sh)?\\s+format\\b[^\\n]*(\\s-t\\s|\\s--cluster-id[\\s=])': "a container's command and args; quadratic only in repeated `kafka-storage format`",
  'type=(registry|image[^,]*,.*push=true)': 'the value of one --output flag',
  // Short values and names.
  '^\\s*(\\d+(?:\\.\\d+)?)\\s*(s|m|h)?\\s*$': 'a timeout annotation value',
  '\\$\\{|\\$\\(|\\{\\{|<[^>]*>|%\\{': IMAGE,
  '(\\$\\{\\{[\\s\\S]*?\\}\\}|\\$\\{[^}]*\\}|\\$[A-Za-z_][A-Za-z0-9_]*)': IMAGE,
  '\\$\\{\\{[\\s\\S]*?\\}\\}|\\$\\{[^}]*\\}': IMAGE,
  '(^|_)(LOG_?LEVEL|LOGGING_LEVEL|LOG_LVL)(_[A-Z0-9_]+)?$': NAME,
  '(^|_)((USE|ENABLE)_(MOCKS?|FAKES?|STUBS?)(_[A-Z0-9_]+)?|(MOCKS?|FAKES?|STUBS?)(_MODE|_ENABLED|_ENABLE)?)$': NAME,
  '^_+|_+$': NAME,
  '([A-Z]+)([A-Z][a-z])': 'a name split into words (secret names, Helm case functions)',
  '^-+|-+$': 'a plugin name',
  '\\(?((?:file:\\/\\/)?\\/[^\\s()]+?):(\\d+):(\\d+)\\)?$': "one line of a failing plugin's stack trace",
  '^(\\w+) (.*?) ?<([^>]*)> (\\d+)': 'the author line of a git commit',
  '(?:^|\\s)#\\s*kubelint-ignore(?![-\\w])([^\\n]*)$': 'one line; quadratic only in repeated `#kubelint-ignore` on it',
  '^[A-Z_][A-Z0-9_]*[A-Z][A-Z0-9_]*$': NAME,
  '\\x1b\\[[0-9;]*m|\\x1b\\]8;;[^\\x07]*\\x07': "kubelint's own pretty output; quadratic only in unterminated OSC 8 links",
  // DSN values are only parsed up to MAX_DSN_VALUE (8 KB).
  '([A-Za-z][A-Za-z0-9+.-]*):\\/\\/': 'an environment value of at most 8 KB (MAX_DSN_VALUE)',
  '\\$\\{\\{[\\s\\S]*?\\}\\}|\\{\\{[\\s\\S]*?\\}\\}|\\$\\([^()]*\\)|\\$\\{[^{}]*\\}|\\$[A-Za-z_][A-Za-z0-9_]*': 'a connection string of at most 8 KB (MAX_DSN_VALUE)',
  // Workflow expressions: linear unless many `${{` lack their `}}`, which GitHub rejects.
  '\\$\\{\\{[\\s\\S]*?\\}\\}': 'a workflow value; quadratic only in unclosed `${{`',
  '\\$\\{\\{([\\s\\S]*?)\\}\\}': 'a workflow value; quadratic only in unclosed `${{`',
  // Env files, one line at a time.
  '^[ \\t]*(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \\t]*=[ \\t]*(.*)$': 'one line of an env file (lines hold no \\n, so `.*$` matches at once)',
  // URLs in configuration text: quadratic only within one token of letters, digits and `+.-`.
  '\\b([a-zA-Z][a-zA-Z0-9+.-]*):\\/\\/([^\\s/?#"\'<>]*)': 'an env or ConfigMap value; quadratic only within one unbroken token of `[a-zA-Z0-9+.-]`',
  // Git objects and chart archives.
  '\\0+$': 'the long-name block of one tar entry in a chart archive',
  '\\d+ path=([^\\n]*)\\n': 'the pax header of one tar entry in a chart archive',
  // Helm functions and number formatting.
  '^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(.*)$': 'a Kubernetes version string',
  '^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$': HELM,
  '^(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$': HELM,
  '0+$': HELM,
  '(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)': HELM,
  '=+$': HELM,
  '^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\\/\\/(?:([^@/?#]*)@)?([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$': HELM,
  '^\\s*(=|!=|>=|=>|<=|=<|>|<|~>|~|\\^)?\\s*(v?[0-9xX*]+(?:\\.[0-9xX*]+)?(?:\\.[0-9xX*]+)?(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)\\s*$': HELM,
  '([<>=~^!]+)\\s+': HELM,
  '^[\\s\\u0085\\u00a0]+|[\\s\\u0085\\u00a0]+$': HELM,
  '\\n+$': HELM,
  '\\.?0+e': 'the output of toExponential (under 30 characters)',
  '\\.?0+$': 'the output of toPrecision (under 30 characters)',
};

/** Does the pattern hold `*`, `+` or `{n,}` (outside character classes)? */
export function hasUnboundedQuantifier(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
    } else if (ch === '*' || ch === '+') {
      return true;
    } else if (ch === '{' && /^\{\d+,\}/.test(source.slice(i))) {
      return true;
    }
  }
  return false;
}

/** recheck reads its backend from the environment on first use: native if installed, never Java. */
function chooseBackend(): 'native' | 'worker' {
  const os = { linux: 'linux', darwin: 'macos', win32: 'windows' }[process.platform as string];
  try {
    createRequire(import.meta.url).resolve(`recheck-${os}-${process.arch}/package.json`);
    return 'native';
  } catch {
    return 'worker';
  }
}
process.env.RECHECK_BACKEND = chooseBackend();

/** A fixed seed and no time limit: the verdicts depend on step budgets only, never on machine load. */
function checkOne(r: FoundRegex): Promise<Diagnostics> {
  return check(r.pattern, r.flags, { timeout: null, randomSeed: 9 });
}

const inventory = collectRegexes();

describe('the regular expressions of the tool', () => {
  it('are found (the collector sees literals and new RegExp with literal patterns)', () => {
    expect(inventory.found.length).toBeGreaterThan(300);
    expect(inventory.found.some((r) => r.where.startsWith('rules/'))).toBe(true);
    expect(inventory.found.some((r) => r.where.startsWith('src/sources/yaml.ts'))).toBe(true);
  });

  it('the bounded-quantifier test tells the shapes apart', () => {
    expect(hasUnboundedQuantifier('a{1,5}[*+]\\+')).toBe(false);
    expect(hasUnboundedQuantifier('a{2,}')).toBe(true);
    expect(hasUnboundedQuantifier('(a|b)*')).toBe(true);
  });

  it('recheck tells a catastrophic pattern from a safe one', async () => {
    expect(await checkOne({ where: 'x', pattern: '^(a+)+$', flags: '' })).toMatchObject({ status: 'vulnerable', complexity: { type: 'exponential' } });
    expect(await checkOne({ where: 'x', pattern: '\\s+$', flags: '' })).toMatchObject({ status: 'vulnerable', complexity: { type: 'polynomial' } });
    expect((await checkOne({ where: 'x', pattern: '\\bpoetry\\s+install\\b', flags: '' })).status).toBe('safe');
  }, 120_000);

  it('none backtracks catastrophically on inputs that are not known to be small', async () => {
    const problems: string[] = [];
    const diagnostics = await Promise.all(inventory.found.map(checkOne));
    inventory.found.forEach((r, i) => {
      const d = diagnostics[i];
      const shown = `${r.where} /${r.pattern}/${r.flags}`;
      if (d.status === 'unknown') problems.push(`${shown}: recheck could not decide (${d.error.kind})`);
      if (d.status !== 'vulnerable') return;
      const attack = d.attack.pattern.slice(0, 80);
      if (d.complexity.type === 'exponential') {
        problems.push(`${shown}: exponential backtracking, e.g. on ${attack}`);
      } else if (hasUnboundedQuantifier(r.pattern) && !REVIEWED[r.pattern]) {
        problems.push(`${shown}: polynomial (degree ${d.complexity.degree}) backtracking, e.g. on ${attack}`);
      }
    });
    // Only "no longer in the source" is checked: fuzzing may find a polynomial case in one run only.
    const sources = new Set(inventory.found.map((r) => r.pattern));
    for (const pattern of Object.keys(REVIEWED)) {
      if (!sources.has(pattern)) problems.push(`REVIEWED lists /${pattern}/, which is no longer in the source: remove the entry`);
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
