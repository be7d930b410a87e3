import { defineRule } from '../../src/engine/rule.js';
import { isPartialObject } from '../reliability/kustomize.js';
import { capabilityList, deepestSecurityPath, describeContainer, isWindowsPod, own, rootVerdict } from './security-context.js';

/** Capabilities that amount to root on the node (or most of it) when added. */
export const DANGEROUS: Record<string, string> = {
  ALL: 'every capability, as good as privileged',
  SYS_ADMIN: 'mount filesystems, use namespaces and BPF: the classic container escape',
  NET_ADMIN: 'reconfigure interfaces, routes and iptables of the pod network',
  SYS_MODULE: 'load kernel modules into the node kernel',
  SYS_RAWIO: 'raw access to devices and I/O ports',
  SYS_PTRACE: 'trace and inject code into other processes it can see',
  DAC_READ_SEARCH: 'bypass file read permissions (open_by_handle_at escape)',
  BPF: 'load BPF programs into the node kernel',
};

function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}

export default defineRule({
  id: 'dangerous-capabilities',
  family: 'security',
  severity: 'warning',
  securitySeverity: 7.5,
  title: 'A container adds a dangerous capability or keeps NET_RAW',
  symptom: 'the container can reconfigure the network, mount filesystems or load kernel code (SYS_ADMIN, NET_ADMIN, ALL...), or spoof packets to its neighbours with raw sockets (NET_RAW)',
  why: 'Capabilities split root into pieces. SYS_ADMIN, NET_ADMIN, SYS_MODULE, SYS_PTRACE, SYS_RAWIO, DAC_READ_SEARCH, BPF and ALL are each enough to break out of the container or attack the node. NET_RAW is in the default set of Docker and containerd and allows ARP/DNS spoofing of other pods on the node; only a process running as root, or one that may escalate privileges, can use it.',
  fix: 'Drop every capability with `capabilities: { drop: [ALL] }` and add back only what the process needs (usually nothing, or `NET_BIND_SERVICE` for a port below 1024).',
  example: {
    bad: 'securityContext:\n  capabilities:\n    add: [SYS_ADMIN]',
    good: 'securityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: [ALL]',
  },
  peers: {
    kubeLinter: ['drop-net-raw-capability'],
    polaris: ['dangerousCapabilities', 'insecureCapabilities'],
  },
  notes: 'Fires on each added ALL, SYS_ADMIN, NET_ADMIN, SYS_MODULE, SYS_RAWIO, SYS_PTRACE, DAC_READ_SEARCH or BPF (with or without the CAP_ prefix). NET_RAW fires when it is added, or when it is not dropped (neither NET_RAW nor ALL in `drop`) and the container can actually use it: it may run as root or allows privilege escalation. A non-root container with `allowPrivilegeEscalation: false` cannot use NET_RAW and is not reported. Privileged containers are left to privileged-container; Windows pods are skipped.',
  check(ws, report) {
    for (const c of ws.containers) {
      if (isWindowsPod(c.template)) continue;
      if (isTrue(own(c, 'privileged')?.value)) continue;
      const added = capabilityList(c, 'add');
      for (const cap of added) {
        const what = DANGEROUS[cap.name];
        if (what) {
          report({ at: c, path: cap.path, message: `${describeContainer(c)} adds ${cap.name}: ${what}` });
        } else if (cap.name === 'NET_RAW') {
          report({ at: c, path: cap.path, message: `${describeContainer(c)} adds NET_RAW: raw sockets allow spoofing traffic of other pods on the node` });
        }
      }
      if (added.some((cap) => cap.name === 'NET_RAW' || cap.name === 'ALL')) continue;
      if (isPartialObject(ws, c.template.owner)) continue;
      const dropped = capabilityList(c, 'drop');
      if (dropped.some((cap) => cap.name === 'NET_RAW' || cap.name === 'ALL')) continue;
      const ape = own(c, 'allowPrivilegeEscalation')?.value;
      const canEscalate = !(ape === false || ape === 'false');
      const root = rootVerdict(c).root;
      if (!root && !canEscalate) continue;
      const because = root ? 'it may run as root' : 'it allows privilege escalation';
      report({
        at: c,
        path: deepestSecurityPath(c, ['capabilities', 'drop']),
        message: `${describeContainer(c)} keeps the NET_RAW capability (not dropped) and ${because}: drop ALL or at least NET_RAW`,
      });
    }
  },
});
