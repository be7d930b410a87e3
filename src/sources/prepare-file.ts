// Read one YAML file, parse it fast and do the pure per-file work the active rules need. Parse
// workers run this on their share of files and the main thread on its own, so both finish the
// parallel part of a scan together.
import { isMainThread } from 'node:worker_threads';
import type { SourceFile } from '../model.js';
import type { SchemaProblem } from '../schema/types.js';
import type { YamlDocUnit } from '../workspace/types.js';
import { extractObjects } from '../workspace/objects.js';
import { schemaKey, type FilePrecomputed, type PrecomputeOptions } from './precomputed.js';
import { readSource, type ReadOutcome } from './read.js';
import { loadYaml, prepareYaml, type PreparedChunk } from './yaml.js';
import { punchHoles } from './yaml-deferred.js';
import { ownStrings } from '../util/own-strings.js';

export interface PreparedFile {
  relPath: string;
  outcome: ReadOutcome;
  prepared?: PreparedChunk[];
  work?: FilePrecomputed;
}

/**
 * CRD schemas are left out of the values once the per-file work has read them (yaml-deferred.ts):
 * a worker does not copy them to the main thread, and no thread keeps them in memory unless a
 * custom resource of the scan needs one.
 */
export async function prepareFile(absPath: string, relPath: string, opts: PrecomputeOptions): Promise<PreparedFile> {
  const outcome = readSource(absPath, relPath);
  if (outcome.kind !== 'text') return { relPath, outcome };
  try {
    const prepared = prepareYaml(outcome.file.text);
    const work = await precompute(outcome.file, prepared, opts);
    for (const chunk of prepared) {
      if (chunk.careful) continue;
      chunk.holes = punchHoles(chunk.value);
      // js-yaml's strings are slices of its own copy of the document text: what is left of a CRD
      // (its metadata) would keep that whole copy alive. A structured clone owns its strings.
      if (chunk.holes) chunk.value = structuredClone(chunk.value);
      // The values a worker sends are copied on the way; here they are kept as parsed, so their
      // long strings would keep every document's text alive after the file's text is dropped.
      else if (isMainThread) ownStrings(chunk.value);
    }
    return { relPath, outcome, prepared, work };
  } catch {
    // The loader parses it again and reports what went wrong.
    return { relPath, outcome };
  }
}

/** Load the modules the per-file work needs before the first file arrives. */
export async function warmUp(): Promise<void> {
  await Promise.all([import('../secrets/scan-text.js'), import('../schema/validate.js')]);
}

async function precompute(file: SourceFile, prepared: PreparedChunk[], opts: PrecomputeOptions): Promise<FilePrecomputed | undefined> {
  if (!opts.secrets && !opts.schemaVersion) return undefined;
  const work: FilePrecomputed = {};
  if (opts.secrets) {
    const { scanText, toSent } = await import('../secrets/scan-text.js');
    work.secretMatches = scanText(file.text).map(toSent);
  }
  // A file with a document for the careful parser (syntax error, duplicate key...) is validated
  // on the main thread after the loader has parsed it: one careful parse per file, not two.
  if (opts.schemaVersion && !prepared.some((c) => c.careful)) {
    const { builtinProblems } = await import('../schema/validate.js');
    const schema: Record<string, SchemaProblem[]> = {};
    for (const unit of loadYaml(file, prepared).units as YamlDocUnit[]) {
      for (const object of extractObjects(unit, 'default')) {
        const problems = await builtinProblems(opts.schemaVersion, object.apiVersion, object.kind, object.obj);
        if (problems) schema[schemaKey(unit.index, object.basePath)] = problems;
      }
    }
    work.schema = schema;
    work.schemaVersion = opts.schemaVersion;
  }
  return work;
}
