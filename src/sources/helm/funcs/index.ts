// The function map of Helm templates: Go builtins, sprig (minus env/expandenv, as in Helm)
// and Helm's own functions.
import type { FuncDef, FuncMap } from '../template/exec.js';
import { builtins } from './builtins.js';
import { stringFuncs } from './strings.js';
import { listFuncs } from './lists.js';
import { dictFuncs } from './dicts.js';
import { mathFuncs } from './math.js';
import { encodingFuncs } from './encoding.js';
import { regexFuncs } from './regex.js';
import { semverFuncs } from './semver.js';
import { dateFuncs } from './dates.js';
import { cryptoFuncs, SeededRandom } from './crypto.js';
import { flowFuncs } from './flow.js';

export interface FuncOptions {
  /** Seed for randAlphaNum, uuidv4, genCA...: the same seed gives the same output. */
  seed: string;
  /** Clock for now/date functions (ms since epoch). */
  now: () => number;
}

/** Names with a `must` twin that only differs in how errors surface (ours always raise). */
const MUST_ALIASES = ['first', 'last', 'rest', 'initial', 'append', 'push', 'prepend', 'reverse', 'uniq', 'without', 'has', 'compact', 'slice', 'chunk'];

let fixed: Record<string, FuncDef> | undefined;

/** Functions that do not depend on the seed or the clock, built once. */
function fixedFuncs(): Record<string, FuncDef> {
  if (!fixed) {
    fixed = { ...builtins, ...stringFuncs, ...listFuncs, ...dictFuncs, ...mathFuncs, ...encodingFuncs, ...regexFuncs, ...semverFuncs };
    for (const n of MUST_ALIASES) fixed['must' + n[0].toUpperCase() + n.slice(1)] = fixed[n];
  }
  return fixed;
}

export function helmFuncs(opts: FuncOptions): FuncMap {
  const all: Record<string, FuncDef> = {
    ...fixedFuncs(),
    ...dateFuncs(opts.now),
    ...cryptoFuncs(new SeededRandom(opts.seed), opts.now),
    ...flowFuncs,
  };
  return new Map(Object.entries(all));
}

/** Go text/template's builtins alone (for plain templates and tests). */
export function goBuiltins(): FuncMap {
  return new Map(Object.entries(builtins));
}
