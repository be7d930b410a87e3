// .helmignore rules: shell globs matched against a path or its base name; a trailing `/`
// matches directories only; `!` negates.
export interface IgnoreRules {
  ignores(path: string, isDir: boolean): boolean;
}

/** Glob (`*`, `?`, `[...]`, `**`) to an anchored regex; `*` never crosses '/'. */
export function globToRegex(glob: string, opts: { braces?: boolean } = {}): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') { re = re.slice(0, -2) + '(?:.*/)?'; i++; }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) { re += '\\['; continue; }
      let cls = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
      if (cls.startsWith('!')) cls = '^' + cls.slice(1);
      re += `[${cls}]`;
      i = close;
    } else if (c === '{' && opts.braces) {
      const close = glob.indexOf('}', i + 1);
      if (close < 0) { re += '\\{'; continue; }
      re += '(?:' + glob.slice(i + 1, close).split(',').map((alt) => globToRegex(alt, opts).source.slice(1, -1)).join('|') + ')';
      i = close;
    } else if (c === '\\' && i + 1 < glob.length) {
      re += glob[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function parseIgnore(text: string): IgnoreRules {
  const rules: { re: RegExp; negate: boolean; dirOnly: boolean; hasSlash: boolean }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    line = line.replace(/^\//, '');
    if (!line) continue;
    rules.push({ re: globToRegex(line), negate, dirOnly, hasSlash: line.includes('/') });
  }
  return {
    ignores(path: string, isDir: boolean): boolean {
      const base = path.slice(path.lastIndexOf('/') + 1);
      let ignored = false;
      for (const r of rules) {
        if (r.dirOnly && !isDir) continue;
        const hit = r.hasSlash ? r.re.test(path) : r.re.test(base);
        if (hit) ignored = !r.negate;
      }
      return ignored;
    },
  };
}
