import type { Rule } from '../../src/engine/rule.js';
import secretPlaintext from './secret-plaintext.js';
import secretLiteralEnv from './secret-literal-env.js';
import secretPattern from './secret-pattern.js';
import sopsUnencrypted from './sops-unencrypted.js';
import secretRefMissing from './secret-ref-missing.js';
import gitHistorySecret from './git-history-secret.js';

export const rules: Rule[] = [secretPlaintext, secretLiteralEnv, secretPattern, sopsUnencrypted, secretRefMissing, gitHistorySecret];
