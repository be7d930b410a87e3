#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/ so start-up loads one file.
import { main } from '../dist/cli/kubelint.js';

process.exitCode = await main(process.argv.slice(2));
