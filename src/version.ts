// The version is inlined at build time; unbundled runs (tests, tsx) read package.json.
import { createRequire } from 'node:module';

declare const __KUBELINT_VERSION__: string | undefined;

export const VERSION: string =
  typeof __KUBELINT_VERSION__ === 'string' ? __KUBELINT_VERSION__ : (createRequire(import.meta.url)('../package.json') as { version: string }).version;
