import type { Rule } from '../../src/engine/rule.js';
import dsnAsyncpgParam from './dsn-asyncpg-param.js';
import dsnPasswordUnencoded from './dsn-password-unencoded.js';
import dsnSslRequired from './dsn-ssl-required.js';
import dsnNumericParam from './dsn-numeric-param.js';
import dsnLocalhost from './dsn-localhost.js';
import dsnEmbeddedPassword from './dsn-embedded-password.js';

export const rules: Rule[] = [dsnAsyncpgParam, dsnPasswordUnencoded, dsnSslRequired, dsnNumericParam, dsnLocalhost, dsnEmbeddedPassword];
