// Runs the built CLI in this process and reports wall time and peak memory on stderr as JSON,
// so the benchmark measures kubelint itself and not a wrapper. Output of the scan goes to /dev/null.
import { main } from '../dist/cli/kubelint.js';

const t0 = performance.now();
const code = await main(process.argv.slice(2));
const ms = performance.now() - t0;
process.stderr.write(`\n@@measure ${JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, code })}\n`);
