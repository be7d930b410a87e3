import type { Rule } from '../../src/engine/rule.js';
import yamlSyntax from './yaml-syntax.js';
import yamlDuplicateKey from './yaml-duplicate-key.js';
import selectorTemplateMismatch from './selector-template-mismatch.js';
import schemaInvalid from './schema-invalid.js';
import apiDeprecated from './api-deprecated.js';

export const rules: Rule[] = [yamlSyntax, yamlDuplicateKey, selectorTemplateMismatch, schemaInvalid, apiDeprecated];
