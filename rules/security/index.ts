import type { Rule } from '../../src/engine/rule.js';
import privilegedContainer from './privileged-container.js';
import privilegeEscalation from './privilege-escalation.js';
import runAsRoot from './run-as-root.js';
import hostNamespace from './host-namespace.js';
import hostPathSensitive from './host-path-sensitive.js';
import dangerousCapabilities from './dangerous-capabilities.js';
import writableRootFs from './writable-root-fs.js';
import unsafeSysctls from './unsafe-sysctls.js';
import sshPort from './ssh-port.js';
import hostPort from './host-port.js';
import rbacWildcard from './rbac-wildcard.js';
import rbacClusterAdmin from './rbac-cluster-admin.js';
import rbacSecretsAccess from './rbac-secrets-access.js';
import defaultServiceAccount from './default-service-account.js';
import serviceAccountMissing from './service-account-missing.js';

export const rules: Rule[] = [
  privilegedContainer, privilegeEscalation, runAsRoot, hostNamespace, hostPathSensitive, dangerousCapabilities,
  writableRootFs, unsafeSysctls, sshPort, hostPort, rbacWildcard, rbacClusterAdmin, rbacSecretsAccess,
  defaultServiceAccount, serviceAccountMissing,
];
