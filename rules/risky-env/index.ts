import type { Rule } from '../../src/engine/rule.js';
import authDisabled from './auth-disabled.js';
import mockMode from './mock-mode.js';
import debugEnabled from './debug-enabled.js';

export const rules: Rule[] = [authDisabled, mockMode, debugEnabled];
