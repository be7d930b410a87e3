// `.Files` as Helm exposes it: Get, GetBytes, Glob, Lines, AsConfig, AsSecrets.
import { GoStruct } from '../template/values.js';
import { toYamlText } from '../funcs/yamlout.js';
import { globToRegex } from './helmignore.js';

export function filesObject(files: Map<string, Buffer>): GoStruct {
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const sortedNames = () => [...files.keys()].sort();
  return new GoStruct('engine.files', {}, {
    Get: (name: unknown) => files.get(String(name))?.toString('utf8') ?? '',
    GetBytes: (name: unknown) => new Uint8Array(files.get(String(name)) ?? []),
    Glob: (pattern: unknown) => {
      const re = globToRegex(String(pattern), { braces: true });
      const out = new Map<string, Buffer>();
      for (const n of sortedNames()) if (re.test(n)) out.set(n, files.get(n)!);
      return filesObject(out);
    },
    Lines: (name: unknown) => {
      const data = files.get(String(name));
      if (!data) return [];
      let s = data.toString('utf8');
      if (s.endsWith('\n')) s = s.slice(0, -1);
      return s.split('\n');
    },
    AsConfig: () => {
      if (!files.size) return '';
      const m: Record<string, unknown> = {};
      for (const n of sortedNames()) m[base(n)] = files.get(n)!.toString('utf8');
      return toYamlText(m).text;
    },
    AsSecrets: () => {
      if (!files.size) return '';
      const m: Record<string, unknown> = {};
      for (const n of sortedNames()) m[base(n)] = files.get(n)!.toString('base64');
      return toYamlText(m).text;
    },
  });
}
