import type { Rule } from '../../src/engine/rule.js';
import memoryLimitMissing from './memory-limit-missing.js';
import requestsMissing from './requests-missing.js';
import limitBelowRequest from './limit-below-request.js';
import resourceQuantitySuspicious from './resource-quantity-suspicious.js';
import replicasRwoVolume from './replicas-rwo-volume.js';
import runtimePackageInstall from './runtime-package-install.js';

export const rules: Rule[] = [
  memoryLimitMissing,
  requestsMissing,
  limitBelowRequest,
  resourceQuantitySuspicious,
  replicasRwoVolume,
  runtimePackageInstall,
];
