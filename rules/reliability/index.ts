import type { Rule } from '../../src/engine/rule.js';
import imageTagMutable from './image-tag-mutable.js';
import imagePullPolicyNever from './image-pull-policy-never.js';
import duplicateEnvVar from './duplicate-env-var.js';
import singleReplica from './single-replica.js';
import noAntiAffinity from './no-anti-affinity.js';
import pdbBlocksEviction from './pdb-blocks-eviction.js';
import hpaTargetMissing from './hpa-target-missing.js';
import networkpolicySelectsNothing from './networkpolicy-selects-nothing.js';
import jobTtlMissing from './job-ttl-missing.js';
import defaultNamespace from './default-namespace.js';
import statefulsetServiceMissing from './statefulset-service-missing.js';

export const rules: Rule[] = [
  imageTagMutable, imagePullPolicyNever, duplicateEnvVar, singleReplica, noAntiAffinity, pdbBlocksEviction,
  hpaTargetMissing, networkpolicySelectsNothing, jobTtlMissing, defaultNamespace, statefulsetServiceMissing,
];
