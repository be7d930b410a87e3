import type { Rule } from '../../src/engine/rule.js';
import probePortMismatch from './probe-port-mismatch.js';
import { livenessProbeMissing, readinessProbeMissing } from './missing-probe.js';

export const rules: Rule[] = [probePortMismatch, livenessProbeMissing, readinessProbeMissing];
