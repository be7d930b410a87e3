import type { Rule } from '../../src/engine/rule.js';
import yamlSyntax from './yaml-syntax.js';
import yamlDuplicateKey from './yaml-duplicate-key.js';
import selectorTemplateMismatch from './selector-template-mismatch.js';

export const rules: Rule[] = [yamlSyntax, yamlDuplicateKey, selectorTemplateMismatch];
