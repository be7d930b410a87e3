import { defineRule } from '../../src/engine/rule.js';

/** Host directories whose contents control the node: exact matches after normalisation. */
const SENSITIVE_DIRS: Record<string, string> = {
  '/': 'the whole node filesystem',
  '/boot': 'the kernel and boot loader',
  '/dev': 'every device of the node',
  '/etc': 'node configuration, /etc/shadow and kubelet credentials',
  '/etc/kubernetes': 'cluster certificates and kubeconfigs',
  '/etc/kubernetes/pki': 'the cluster certificate authority keys',
  '/lib': 'system libraries of the node',
  '/usr': 'system binaries of the node',
  '/bin': 'system binaries of the node',
  '/sbin': 'system binaries of the node',
  '/proc': "the node's processes and kernel settings",
  '/sys': 'kernel settings and devices of the node',
  '/root': "root's home directory (SSH keys, cloud credentials)",
  '/home': 'home directories of the node users',
  '/var/lib/kubelet': 'kubelet credentials and the volumes (secrets) of every pod on the node',
  '/var/lib/kubelet/pki': 'the kubelet client certificate',
  '/var/lib/docker': 'the container runtime state of every container on the node',
  '/var/lib/containerd': 'the container runtime state of every container on the node',
  '/var/run': 'runtime sockets (docker, containerd) of the node',
  '/run': 'runtime sockets (docker, containerd) of the node',
  '/var/run/containerd': 'the containerd socket',
  '/run/containerd': 'the containerd socket',
  '/var/run/crio': 'the CRI-O socket',
  '/run/crio': 'the CRI-O socket',
};

/** Container runtime sockets: whoever can write them can start a privileged container. */
const RUNTIME_SOCKET = /(?:^|\/)(docker|containerd|crio|cri-dockerd|podman)\.sock$/;

/** Collapse repeated and trailing slashes so `/etc/` and `//etc` compare equal to `/etc`. */
export function normaliseHostPath(raw: string): string {
  const collapsed = raw.trim().replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

export function sensitiveHostPath(raw: string): string | undefined {
  const p = normaliseHostPath(raw);
  if (RUNTIME_SOCKET.test(p)) return 'the container runtime socket: full control over every container on the node';
  return SENSITIVE_DIRS[p];
}

export default defineRule({
  id: 'host-path-sensitive',
  family: 'security',
  severity: 'warning',
  securitySeverity: 8.0,
  title: 'A pod mounts a sensitive host path',
  symptom: 'the pod can read credentials of the node and of other pods, or control the container runtime: one compromised container becomes a compromised node',
  why: 'A hostPath volume exposes a directory of the node inside the container. System directories (/, /etc, /proc, /sys, /var/lib/kubelet, /root) and runtime sockets (docker.sock, containerd.sock) hold the keys of the node; `readOnly` does not help much, since reading credentials is enough and a socket only needs to be opened.',
  fix: 'Remove the hostPath volume. Use a ConfigMap, Secret, emptyDir or PersistentVolumeClaim for data; for a node agent that truly needs the path, mount the narrowest subdirectory read-only and suppress the finding with a reason.',
  example: {
    bad: 'volumes:\n  - name: docker\n    hostPath: { path: /var/run/docker.sock }',
    good: 'volumes:\n  - name: cache\n    emptyDir: {}',
  },
  peers: {
    kubeLinter: ['sensitive-host-mounts', 'docker-sock', 'container-runtime-sock'],
  },
  notes: 'Paths are compared after collapsing repeated and trailing slashes. Directories match exactly (a subdirectory such as /var/log or /etc/ssl/certs is not reported, except the ones listed); any path ending in docker.sock, containerd.sock, crio.sock, cri-dockerd.sock or podman.sock is reported.',
  check(ws, report) {
    for (const t of ws.podTemplates) {
      const volumes = t.spec.volumes;
      if (!Array.isArray(volumes)) continue;
      volumes.forEach((v: any, i: number) => {
        const p = v?.hostPath?.path;
        if (typeof p !== 'string') return;
        const what = sensitiveHostPath(p);
        if (!what) return;
        report({
          at: t,
          path: ['volumes', i, 'hostPath', 'path'],
          message: `${t.owner.kind} "${t.owner.name}" mounts host path ${p} (volume "${v.name ?? i}"), which exposes ${what}`,
        });
      });
    }
  },
});
