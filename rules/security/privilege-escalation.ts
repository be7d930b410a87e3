import { defineRule } from '../../src/engine/rule.js';
import { isPartialObject } from '../reliability/kustomize.js';
import { capabilityList, describeContainer, isWindowsPod, own } from './security-context.js';

export default defineRule({
  id: 'privilege-escalation',
  family: 'security',
  severity: 'warning',
  securitySeverity: 7.0,
  title: 'A container allows privilege escalation',
  symptom: 'a process in the container can gain more privileges than it started with (setuid binaries such as su or sudo, file capabilities), turning an application bug into root in the container',
  why: 'Unless `allowPrivilegeEscalation` is false, the kernel lets a child process gain privileges (no `no_new_privs` flag). Kubernetes defaults it to true, and forces it to true for privileged containers and containers with CAP_SYS_ADMIN, whatever the field says.',
  fix: 'Set `securityContext.allowPrivilegeEscalation: false` on every container, and do not run it privileged or with SYS_ADMIN.',
  example: {
    bad: 'containers:\n  - name: api\n    image: api:1.4.2',
    good: 'containers:\n  - name: api\n    image: api:1.4.2\n    securityContext:\n      allowPrivilegeEscalation: false',
  },
  peers: {
    kubeLinter: ['privilege-escalation-container'],
    polaris: ['privilegeEscalationAllowed'],
  },
  notes: 'Checks every container, init and ephemeral containers included. Windows pods are skipped. A privileged container or one that adds SYS_ADMIN (or ALL) is reported even with `allowPrivilegeEscalation: false`, because Kubernetes ignores the flag there.',
  check(ws, report) {
    for (const c of ws.containers) {
      if (isWindowsPod(c.template)) continue;
      const ape = own(c, 'allowPrivilegeEscalation');
      const privileged = own(c, 'privileged');
      const isPrivileged = privileged?.value === true || privileged?.value === 'true';
      const sysAdmin = capabilityList(c, 'add').find((e) => e.name === 'SYS_ADMIN' || e.name === 'ALL');
      const forced = isPrivileged ? 'it runs privileged' : sysAdmin ? `it adds ${sysAdmin.name}` : undefined;
      if (forced) {
        report({
          at: c,
          path: ape?.path ?? (isPrivileged ? privileged!.path : sysAdmin!.path),
          message: `${describeContainer(c)} can always escalate privileges because ${forced}${ape?.value === false ? ' (allowPrivilegeEscalation: false has no effect)' : ''}`,
        });
        continue;
      }
      if (ape?.value === false || ape?.value === 'false') continue;
      if (!ape && isPartialObject(ws, c.template.owner)) continue;
      report({
        at: c,
        path: ape ? ape.path : [],
        message: ape
          ? `${describeContainer(c)} sets allowPrivilegeEscalation: ${String(ape.value)}`
          : `${describeContainer(c)} does not set allowPrivilegeEscalation: false (Kubernetes defaults it to true)`,
      });
    }
  },
});
