import type { Rule } from '../../src/engine/rule.js';
import archPlatformPinned from './arch-platform-pinned.js';
import archCrossBuild from './arch-cross-build.js';
import archTargetMismatch from './arch-target-mismatch.js';

export const rules: Rule[] = [archPlatformPinned, archCrossBuild, archTargetMismatch];
