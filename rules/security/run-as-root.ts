import { defineRule } from '../../src/engine/rule.js';
import { isPartialObject } from '../reliability/kustomize.js';
import type { PodTemplate } from '../../src/workspace/types.js';
import { describeContainer, isWindowsPod, rootVerdict, type Setting } from './security-context.js';

export default defineRule({
  id: 'run-as-root',
  family: 'security',
  severity: 'warning',
  securitySeverity: 6.0,
  title: 'A container may run as root',
  symptom: 'the process runs as uid 0: a container escape (runc and kernel CVEs) or a writable hostPath gives root on the node, and files it writes to volumes belong to root',
  why: 'Most images default to root. Kubernetes only prevents it when the container or the pod sets `runAsNonRoot: true` (the kubelet then refuses to start a root image) or a non-zero `runAsUser`. A container-level setting overrides the pod-level one.',
  fix: 'Set `runAsNonRoot: true` and a numeric `runAsUser` above 0 in the pod securityContext (or per container), and build the image with a non-root `USER`.',
  example: {
    bad: 'spec:\n  containers:\n    - name: api\n      image: api:1.4.2',
    good: 'spec:\n  securityContext: { runAsNonRoot: true, runAsUser: 10001 }\n  containers:\n    - name: api\n      image: api:1.4.2',
  },
  peers: {
    kubeLinter: ['run-as-non-root'],
    polaris: ['runAsRootAllowed'],
    kubeScore: ['container-security-context-user-group-id'],
  },
  notes: 'Effective settings: container runAsUser/runAsNonRoot override the pod ones. `runAsUser: 0` is root even with `runAsNonRoot: true` (the kubelet then refuses to start the container). A runAsUser that is not a plain number (a template placeholder) is trusted. Windows pods are skipped.',
  check(ws, report) {
    // Findings about a pod-level key are grouped per pod so each key is reported once.
    const podLevel = new Map<PodTemplate, { reason: 'uid0' | 'nonroot-false'; setting: Setting<unknown>; names: string[] }>();
    for (const c of ws.containers) {
      if (isWindowsPod(c.template)) continue;
      const verdict = rootVerdict(c);
      if (!verdict.root) continue;
      if (verdict.reason === 'unset') {
        // A kustomize patch leaves the securityContext to its base.
        if (isPartialObject(ws, c.template.owner)) continue;
        report({
          at: c,
          path: [],
          message: `${describeContainer(c)} may run as root: neither the container nor the pod sets runAsNonRoot: true or a runAsUser above 0`,
        });
        continue;
      }
      if (verdict.setting.level === 'pod') {
        const entry = podLevel.get(c.template) ?? { reason: verdict.reason, setting: verdict.setting, names: [] };
        entry.names.push(`"${c.name}"`);
        podLevel.set(c.template, entry);
        continue;
      }
      report({
        at: verdict.setting.at,
        path: verdict.setting.path,
        message:
          verdict.reason === 'uid0'
            ? `${describeContainer(c)} runs as root: its securityContext sets runAsUser: 0`
            : `${describeContainer(c)} may run as root: its securityContext sets runAsNonRoot: false and no runAsUser above 0 applies`,
      });
    }
    for (const [t, { reason, setting, names }] of podLevel) {
      const who = `container${names.length > 1 ? 's' : ''} ${names.join(', ')} of ${t.owner.kind} "${t.owner.name}"`;
      report({
        at: setting.at,
        path: setting.path,
        message:
          reason === 'uid0'
            ? `the pod securityContext sets runAsUser: 0, so ${who} run${names.length > 1 ? '' : 's'} as root`
            : `the pod securityContext sets runAsNonRoot: false and no runAsUser above 0 applies, so ${who} may run as root`,
      });
    }
  },
});
