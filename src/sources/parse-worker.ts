// Worker thread: read files and run the fast YAML parse, so big scans use every core.
// It sends back plain data (text and parsed values); units are built on the main thread.
import { parentPort } from 'node:worker_threads';
import { readSource, type ReadOutcome } from './read.js';
import { prepareYaml, type PreparedChunk } from './yaml.js';

export interface ParseRequest {
  files: { absPath: string; relPath: string }[];
}

export interface ParseResult {
  relPath: string;
  outcome: ReadOutcome;
  prepared?: PreparedChunk[];
}

parentPort?.on('message', async (req: ParseRequest) => {
  for (const f of req.files) {
    const outcome = await readSource(f.absPath, f.relPath);
    let prepared: PreparedChunk[] | undefined;
    if (outcome.kind === 'text') {
      try {
        prepared = prepareYaml(outcome.file.text);
      } catch {
        prepared = undefined; // the main thread parses it again and reports what went wrong
      }
    }
    parentPort!.postMessage({ relPath: f.relPath, outcome, prepared } satisfies ParseResult);
  }
  parentPort!.postMessage(null);
});
