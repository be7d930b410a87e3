import { defineRule } from '../../src/engine/rule.js';

const FLAGS: Record<string, string> = {
  hostNetwork: "the node's network stack: it can bind node ports, sniff traffic of other pods and reach services listening on localhost of the node, and NetworkPolicies no longer apply to it",
  hostPID: "the node's process table: it can see every process on the node, read their environment and, as root, signal or ptrace them",
  hostIPC: "the node's IPC namespace: it can read and write shared memory of other processes on the node",
};

export default defineRule({
  id: 'host-namespace',
  family: 'security',
  severity: 'warning',
  securitySeverity: 7.5,
  title: 'A pod shares a host namespace (hostNetwork, hostPID or hostIPC)',
  symptom: 'the pod sees the node\'s network, processes or shared memory: secrets in other processes\' environment or traffic leak, and its ports collide with the node\'s',
  why: 'Namespaces are what separate a pod from the node and its neighbours. `hostNetwork`, `hostPID` and `hostIPC` give them up; they are meant for node agents (CNI, monitoring) only, never for applications.',
  fix: 'Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to false). Expose the application through a Service; for node agents, keep them in a dedicated namespace and suppress the finding there with a reason.',
  example: {
    bad: 'spec:\n  hostNetwork: true\n  containers: [...]',
    good: 'spec:\n  containers: [...]',
  },
  peers: {
    kubeLinter: ['host-network', 'host-pid', 'host-ipc'],
    polaris: ['hostNetworkSet', 'hostPIDSet', 'hostIPCSet'],
  },
  check(ws, report) {
    for (const t of ws.podTemplates) {
      for (const [flag, what] of Object.entries(FLAGS)) {
        const v = t.spec[flag];
        if (v !== true && v !== 'true') continue;
        report({ at: t, path: [flag], message: `${t.owner.kind} "${t.owner.name}" sets ${flag}: true and shares ${what}` });
      }
    }
  },
});
