// Scan a temp project of mutated fixture files beside untouched ones, in-process, and compare.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Finding } from '../../src/model.js';
import { scan, type ScanResult } from '../../src/engine/scan.js';
import { listFiles } from '../helpers/expectations.js';
import { applyMutations, type Mutation } from './mutations.js';
import { UNTOUCHED, UNTOUCHED_DIR } from './untouched.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/rules');

export interface FixtureFile {
  /** Relative to fixtures/rules, '/' separators: keeps the names loaders dispatch on. */
  rel: string;
  text: string;
}

/** Every fixture file except the sidecar expectations; config files would make a mutation a usage error. */
export const FIXTURE_FILES: FixtureFile[] = listFiles(FIXTURES)
  .map((abs) => path.relative(FIXTURES, abs).split(path.sep).join('/'))
  .filter((rel) => !rel.endsWith('.expect') && !/(^|\/)\.kubelint\.ya?ml$/.test(rel))
  .sort()
  .map((rel) => ({ rel, text: fs.readFileSync(path.join(FIXTURES, rel), 'utf8') }));

export const YAML_FIXTURES = FIXTURE_FILES.filter((f) => /\.(ya?ml|json)$/.test(f.rel));

function writeProject(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-robust-'));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

/** What a finding says, without nothing left out: compared as a whole. */
function key(f: Finding): string {
  return JSON.stringify(f);
}

let alone: string[] | undefined;

/** Findings on the untouched files when they are scanned on their own (computed once). */
export async function untouchedAlone(): Promise<string[]> {
  if (!alone) {
    const dir = writeProject(UNTOUCHED);
    try {
      const result = await scan({ paths: [dir], history: false });
      expect(result.errors).toEqual([]);
      alone = result.findings.map(key);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return alone;
}

export interface MutatedFile {
  /** A fixture's `rel` (kept short so fast-check prints failing cases readably). */
  fixture: string;
  mutations: Mutation[];
}

const TEXT_OF = new Map(FIXTURE_FILES.map((f) => [f.rel, f.text]));

/**
 * Write the mutated files under `mutated/` beside the untouched ones, scan, and require: no throw,
 * no rule error, sane positions, and the untouched files' findings exactly as when scanned alone.
 */
export async function checkMutated(files: MutatedFile[]): Promise<ScanResult> {
  const expected = await untouchedAlone();
  const project: Record<string, string | Buffer> = { ...UNTOUCHED };
  files.forEach(({ fixture, mutations }, i) => {
    // The index keeps two mutations of the same fixture apart; the base name keeps its loader.
    project[`mutated/${i}/${fixture}`] = applyMutations(TEXT_OF.get(fixture) ?? '', fixture, mutations);
  });
  const dir = writeProject(project);
  try {
    const result = await scan({ paths: [dir], history: false });
    expect(result.errors).toEqual([]);
    // A loader that throws loses the file's findings: unparsable input must become a finding instead.
    expect(result.notes.filter((n) => /loader failed/.test(n))).toEqual([]);
    for (const f of result.findings) {
      expect(f.line, `${f.ruleId} in ${f.file}`).toBeGreaterThanOrEqual(1);
      expect(f.column, `${f.ruleId} in ${f.file}`).toBeGreaterThanOrEqual(1);
      expect(f.endLine, `${f.ruleId} in ${f.file}`).toBeGreaterThanOrEqual(f.line);
    }
    const untouched = result.findings.filter((f) => f.file.startsWith(`${UNTOUCHED_DIR}/`)).map(key);
    expect(untouched).toEqual(expected);
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
