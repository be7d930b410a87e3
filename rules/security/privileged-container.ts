import { defineRule } from '../../src/engine/rule.js';
import { describeContainer, own } from './security-context.js';

export default defineRule({
  id: 'privileged-container',
  family: 'security',
  severity: 'error',
  securitySeverity: 9.0,
  title: 'A container runs privileged',
  symptom: 'a compromised or buggy process in the container has root on the node: it can load kernel modules, read every device and escape to the host',
  why: '`privileged: true` disables almost every isolation the runtime provides: all capabilities, all devices under /dev, no seccomp or AppArmor confinement. Anything that runs in the container can take over the node and every pod on it.',
  fix: 'Remove `privileged: true`. If the process needs one kernel feature, add only that capability (for example `NET_BIND_SERVICE`) or use a device plugin; node agents that truly need it belong in a dedicated, tightly controlled namespace.',
  example: {
    bad: 'securityContext:\n  privileged: true',
    good: 'securityContext:\n  allowPrivilegeEscalation: false\n  capabilities: { drop: [ALL] }',
  },
  peers: {
    kubeLinter: ['privileged-container'],
    polaris: ['runAsPrivileged'],
    kubeScore: ['container-security-context-privileged'],
  },
  check(ws, report) {
    for (const c of ws.containers) {
      const privileged = own(c, 'privileged');
      if (!privileged || (privileged.value !== true && privileged.value !== 'true')) continue;
      report({
        at: c,
        path: privileged.path,
        message: `${describeContainer(c)} runs privileged: it has full access to the node`,
      });
    }
  },
});
