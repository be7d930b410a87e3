import { defineRule } from '../../src/engine/rule.js';
import { isPartialObject } from '../reliability/kustomize.js';
import { describeContainer, isWindowsPod, own } from './security-context.js';

export default defineRule({
  id: 'writable-root-fs',
  family: 'security',
  severity: 'info',
  securitySeverity: 3.0,
  title: 'A container has a writable root filesystem',
  symptom: 'an attacker who gets code execution can drop tools and modify binaries in the container, and the app can silently fill the node disk through its writable layer',
  why: 'With `readOnlyRootFilesystem: true` the image cannot be changed at run time; the directories the app really writes to are declared as volumes (emptyDir), which also makes disk use visible and bounded.',
  fix: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` at each path the application writes to (/tmp, caches).',
  example: {
    bad: 'securityContext:\n  allowPrivilegeEscalation: false',
    good: 'securityContext:\n  allowPrivilegeEscalation: false\n  readOnlyRootFilesystem: true\nvolumeMounts:\n  - { name: tmp, mountPath: /tmp }',
  },
  peers: {
    kubeLinter: ['no-read-only-root-fs'],
    polaris: ['notReadOnlyRootFilesystem'],
    kubeScore: ['container-security-context-readonlyrootfilesystem'],
  },
  notes: 'Info level: many images need writable paths before they can run read-only. Windows pods are skipped.',
  check(ws, report) {
    for (const c of ws.containers) {
      if (isWindowsPod(c.template)) continue;
      const ro = own(c, 'readOnlyRootFilesystem');
      if (ro?.value === true || ro?.value === 'true') continue;
      if (!ro && isPartialObject(ws, c.template.owner)) continue;
      report({
        at: c,
        path: ro ? ro.path : [],
        message: `${describeContainer(c)} ${ro ? 'sets readOnlyRootFilesystem: false' : 'does not set readOnlyRootFilesystem: true'}`,
      });
    }
  },
});
