import { defineRule } from '../../src/engine/rule.js';
import { describeContainer } from './security-context.js';

export default defineRule({
  id: 'ssh-port',
  family: 'security',
  severity: 'warning',
  securitySeverity: 5.0,
  title: 'A container exposes port 22 (SSH)',
  symptom: 'an SSH server in the container is an extra way in, with its own keys and passwords to leak; or a non-SSH service on port 22 is blocked and probed by every scanner',
  why: 'Containers are replaced, not logged into. An SSH daemon in a pod usually means shared keys baked into the image and a path around audit logging; `kubectl exec` and `kubectl debug` do the same job with RBAC and audit.',
  fix: 'Remove the SSH server and port 22; use `kubectl exec` or `kubectl debug` for access. If the workload is a real SSH service (a git server, a bastion), keep it and suppress the finding with a reason.',
  example: {
    bad: 'ports:\n  - { name: ssh, containerPort: 22 }',
    good: 'ports:\n  - { name: http, containerPort: 8080 }',
  },
  peers: {
    kubeLinter: ['ssh-port'],
  },
  check(ws, report) {
    for (const c of ws.containers) {
      for (const p of c.ports) {
        if (p.containerPort !== 22 || p.protocol.toUpperCase() !== 'TCP') continue;
        report({ at: c, path: ['ports', p.index, 'containerPort'], message: `${describeContainer(c)} exposes port 22, the SSH port` });
      }
    }
  },
});
