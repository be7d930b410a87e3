import type { Rule } from '../../src/engine/rule.js';
import probePortMismatch from './probe-port-mismatch.js';
import { livenessProbeMissing, readinessProbeMissing } from './missing-probe.js';
import probeTiming from './probe-timing.js';
import livenessEqualsReadiness from './liveness-equals-readiness.js';

export const rules: Rule[] = [probePortMismatch, livenessProbeMissing, readinessProbeMissing, probeTiming, livenessEqualsReadiness];
