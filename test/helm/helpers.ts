import { helmFuncs, goBuiltins } from '../../src/sources/helm/funcs/index.js';
import { TemplateSet } from '../../src/sources/helm/template/exec.js';
import { OriginFile } from '../../src/sources/helm/sourcemap.js';

export const FIXED_NOW = Date.UTC(2024, 0, 2, 3, 4, 5);

/** Render template text with Helm's function map (or Go builtins only). */
export function run(src: string, data: unknown = {}, opts: { builtinsOnly?: boolean; extra?: Record<string, string> } = {}): string {
  const funcs = opts.builtinsOnly ? goBuiltins() : helmFuncs({ seed: 'test', now: () => FIXED_NOW });
  const set = new TemplateSet(funcs);
  for (const [name, text] of Object.entries(opts.extra ?? {})) set.add({ name, file: new OriginFile(name, text) });
  set.add({ name: 't', file: new OriginFile('t', src) });
  return set.execute('t', data).writer.text;
}
