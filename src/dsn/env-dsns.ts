// Connection strings found in the env values of a scan, parsed once and shared by the DSN rules.
import type { EnvValue } from '../workspace/types.js';
import type { Workspace } from '../workspace/workspace.js';
import { findDsns, type Dsn } from './parse.js';

export interface EnvDsn {
  ev: EnvValue;
  dsn: Dsn;
}

/** Cheap prefilter: most env values are flags and names, not connection strings. */
const MAX_DSN_VALUE = 8192;

// `=`, then whitespace, then `=` again (key=value pairs), matched from the first `=` only: linear time.
const MAYBE_DSN = /:\/\/|;|^[^=]*=\S*\s[^=]*=/;

export function envDsns(ws: Workspace): EnvDsn[] {
  return ws.memo('dsn:envDsns', () => {
    const out: EnvDsn[] = [];
    for (const ev of ws.envValues) {
      // Connection strings are short; long values are certificates, scripts or JSON blobs.
      if (ev.value.length > MAX_DSN_VALUE || !MAYBE_DSN.test(ev.value)) continue;
      for (const dsn of findDsns(ev.value)) out.push({ ev, dsn });
    }
    return out;
  });
}

