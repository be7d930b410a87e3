// Registers every built-in rule. Each family folder owns its own index.ts.
import type { Rule } from '../src/engine/rule.js';
import { rules as validity } from './validity/index.js';
import { rules as probes } from './probes/index.js';
import { rules as networking } from './networking/index.js';
import { rules as resources } from './resources/index.js';
import { rules as stateful } from './stateful/index.js';
import { rules as riskyEnv } from './risky-env/index.js';
import { rules as security } from './security/index.js';
import { rules as reliability } from './reliability/index.js';
import { rules as secrets } from './secrets/index.js';
import { rules as dsn } from './dsn/index.js';
import { rules as dockerfile } from './dockerfile/index.js';
import { rules as architecture } from './architecture/index.js';
import { rules as helm } from './helm/index.js';

export const builtinRules: Rule[] = [
  ...validity, ...networking, ...probes, ...resources, ...stateful, ...dsn, ...secrets,
  ...architecture, ...dockerfile, ...riskyEnv, ...security, ...reliability, ...helm,
];
