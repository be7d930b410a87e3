// Finds package-manager installs (apk add, apt-get install, pip install, ...) in a container's
// command line and in the shell scripts it passes to `sh -c`.

/** A word of a command line, with where it starts inside the argv element it came from. */
export interface ArgWord {
  text: string;
  /** Index of the argv element (command ++ args) holding the word. */
  element: number;
  /** Offset of the word inside that element's string. */
  offset: number;
}

export interface PackageInstall {
  element: number;
  offset: number;
  /** The command name as written (`apk`, `/usr/bin/pip3`), to find it in the source. */
  commandWord: string;
  /** The install command for the message, shortened: `apk add --no-cache curl`. */
  display: string;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
const PREFIXES = new Set(['sudo', 'exec', 'env', 'nice', 'nohup', 'time', 'command', 'doas']);
const KEYWORDS = new Set(['{', '}', '!', 'if', 'then', 'else', 'elif', 'do', 'while', 'until', 'in']);
/** Options of apt-get that take their value as the next word. */
const APT_OPTIONS_WITH_VALUE = new Set(['-o', '-t', '-c', '--option', '--target-release', '--config-file']);

/** Install commands in an argv (the container's `command` followed by its `args`). */
export function findPackageInstalls(argv: string[]): PackageInstall[] {
  const words = argv.map((text, element) => ({ text, element, offset: 0 }));
  return analyseCommand(words, 0);
}

function analyseCommand(words: ArgWord[], depth: number): PackageInstall[] {
  let i = 0;
  // Skip assignments, prefixes like sudo/exec/env and their options, and shell keywords.
  while (i < words.length) {
    const w = words[i].text;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) || KEYWORDS.has(w)) i++;
    else if (PREFIXES.has(basename(w))) {
      i++;
      while (i < words.length && words[i].text.startsWith('-')) i++;
    } else break;
  }
  if (i >= words.length) return [];
  const head = words[i];
  const name = basename(head.text);
  const rest = words.slice(i + 1).map((w) => w.text);

  if (SHELLS.has(name) && depth < 4) {
    const c = rest.findIndex((w) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(w));
    if (c < 0 || c + 1 >= rest.length) return [];
    const script = words[i + 2 + c];
    return analyseScript(script, depth + 1);
  }
  const sub = installSubcommand(name, rest);
  if (!sub) return [];
  return [{ element: head.element, offset: head.offset, commandWord: head.text, display: shorten([head.text, ...rest].join(' ')) }];
}

/** Parse a `sh -c` script into simple commands and analyse each. */
function analyseScript(script: ArgWord, depth: number): PackageInstall[] {
  const out: PackageInstall[] = [];
  for (const command of splitScript(script.text)) {
    const words = command.map((w) => ({ text: w.text, element: script.element, offset: script.offset + w.start }));
    out.push(...analyseCommand(words, depth));
  }
  return out;
}

/** The install subcommand when `name rest...` installs packages from the network, else undefined. */
function installSubcommand(name: string, rest: string[]): string | undefined {
  if (/^python[\d.]*$/.test(name)) {
    const m = rest.indexOf('-m');
    if (m < 0 || !/^pip[\d.]*$/.test(rest[m + 1] ?? '')) return undefined;
    return installSubcommand('pip', rest.slice(m + 2));
  }
  const sub = firstOperand(rest, name === 'apt-get' || name === 'apt' ? APT_OPTIONS_WITH_VALUE : new Set());
  if (sub === undefined) return undefined;
  if (name === 'apk') return sub === 'add' ? sub : undefined;
  if (name === 'apt-get' || name === 'apt' || name === 'aptitude') return sub === 'install' ? sub : undefined;
  if (['yum', 'dnf', 'microdnf', 'tdnf'].includes(name)) return sub === 'install' ? sub : undefined;
  if (name === 'zypper') return sub === 'install' || sub === 'in' ? sub : undefined;
  // Wheels from a local directory (--no-index) do not need the network.
  if (/^pip[\d.]*$/.test(name)) return sub === 'install' && !rest.includes('--no-index') ? sub : undefined;
  // `npm ci` installs the lockfile exactly and is left alone; `npm install` resolves versions anew.
  if (name === 'npm') return ['install', 'i', 'in', 'add'].includes(sub) && !rest.includes('--offline') ? sub : undefined;
  return undefined;
}

function firstOperand(rest: string[], optionsWithValue: Set<string>): string | undefined {
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    if (optionsWithValue.has(w)) i++;
    else if (!w.startsWith('-')) return w;
  }
  return undefined;
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

interface ScriptWord {
  text: string;
  start: number;
}

/**
 * Split shell text into simple commands of unquoted words. Handles quotes, backslashes, comments and
 * the separators ; & | && || newlines ( ) $( ` ; enough to find commands, not a full shell parser.
 */
export function splitScript(script: string): ScriptWord[][] {
  const commands: ScriptWord[][] = [];
  let words: ScriptWord[] = [];
  let text = '';
  let start = -1;
  const endWord = () => {
    if (start >= 0) words.push({ text, start });
    text = '';
    start = -1;
  };
  const endCommand = () => {
    endWord();
    if (words.length) commands.push(words);
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (ch === '\\') {
      if (script[i + 1] === '\n') {
        i++;
        continue;
      }
      if (start < 0) start = i;
      text += script[i + 1] ?? '';
      i++;
    } else if (ch === "'") {
      if (start < 0) start = i;
      const close = script.indexOf("'", i + 1);
      const end = close < 0 ? script.length : close;
      text += script.slice(i + 1, end);
      i = end;
    } else if (ch === '"') {
      if (start < 0) start = i;
      let j = i + 1;
      for (; j < script.length && script[j] !== '"'; j++) {
        if (script[j] === '\\' && j + 1 < script.length) j++;
        text += script[j];
      }
      i = j;
    } else if (ch === '#' && start < 0) {
      const nl = script.indexOf('\n', i);
      i = nl < 0 ? script.length : nl - 1;
    } else if (ch === ' ' || ch === '\t' || ch === '\r') {
      endWord();
    } else if (ch === '\n' || ch === ';' || ch === '&' || ch === '|' || ch === '(' || ch === ')' || ch === '`') {
      endCommand();
    } else if (ch === '$' && script[i + 1] === '(') {
      endCommand();
      i++;
    } else {
      if (start < 0) start = i;
      text += ch;
    }
  }
  endCommand();
  return commands;
}
