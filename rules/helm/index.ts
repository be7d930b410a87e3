import type { Rule } from '../../src/engine/rule.js';
import helmRenderError from './helm-render-error.js';

export const rules: Rule[] = [helmRenderError];
