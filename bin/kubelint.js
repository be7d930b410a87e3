#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/ so start-up loads one file.
import module from 'node:module';

// Node 22.1+ keeps the compiled bundle between runs (compiling it is about a fifth of a one-file
// scan); Node 20 has no such cache, and NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();
const { main } = await import('../dist/cli/kubelint.js');

process.exitCode = await main(process.argv.slice(2));
