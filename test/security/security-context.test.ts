import { describe, expect, it } from 'vitest';
import { extractObjects } from '../../src/workspace/objects.js';
import { extractPodTemplates } from '../../src/workspace/pods.js';
import type { ContainerRef, YamlDocUnit } from '../../src/workspace/types.js';
import { capabilityName, effective, rootVerdict } from '../../rules/security/security-context.js';
import { normaliseHostPath, sensitiveHostPath } from '../../rules/security/host-path-sensitive.js';

function containersOf(podSpec: Record<string, unknown>): ContainerRef[] {
  const unit = { kind: 'yaml', index: 0, value: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: podSpec }, file: { path: 'p.yaml', text: '' }, locate: () => ({ start: 0, end: 0 }) } as unknown as YamlDocUnit;
  return extractObjects(unit, 'default').flatMap(extractPodTemplates).flatMap((t) => t.containers);
}

describe('effective security settings', () => {
  it('takes the container value over the pod value', () => {
    const [c] = containersOf({ securityContext: { runAsUser: 0 }, containers: [{ name: 'a', securityContext: { runAsUser: 1000 } }] });
    expect(effective(c, 'runAsUser')).toMatchObject({ value: 1000, level: 'container' });
  });

  it('falls back to the pod value', () => {
    const [c] = containersOf({ securityContext: { runAsNonRoot: true }, containers: [{ name: 'a' }] });
    expect(effective(c, 'runAsNonRoot')).toMatchObject({ value: true, level: 'pod', path: ['securityContext', 'runAsNonRoot'] });
  });

  it.each([
    ['no settings', {}, {}, true],
    ['pod runAsNonRoot', { runAsNonRoot: true }, {}, false],
    ['pod uid above 0', { runAsUser: 1000 }, {}, false],
    ['pod uid 0', { runAsUser: 0 }, {}, true],
    ['uid 0 beats runAsNonRoot', { runAsNonRoot: true }, { runAsUser: 0 }, true],
    ['container uid overrides pod root', { runAsUser: 0 }, { runAsUser: 1000 }, false],
    ['container runAsNonRoot false overrides pod true', { runAsNonRoot: true }, { runAsNonRoot: false }, true],
    ['a uid above 0 wins over runAsNonRoot false', { runAsUser: 10001 }, { runAsNonRoot: false }, false],
    ['a templated uid is trusted', {}, { runAsUser: '{{ .Values.uid }}' }, false],
  ])('%s', (_name, pod, container, root) => {
    const [c] = containersOf({ securityContext: pod, containers: [{ name: 'a', securityContext: container }] });
    expect(rootVerdict(c).root).toBe(root);
  });

  it('reads capability names with or without CAP_, in any case', () => {
    expect(capabilityName('cap_sys_admin')).toBe('SYS_ADMIN');
    expect(capabilityName(' NET_RAW ')).toBe('NET_RAW');
  });
});

describe('sensitive host paths', () => {
  it('normalises slashes', () => {
    expect(normaliseHostPath('//etc/')).toBe('/etc');
    expect(normaliseHostPath('/')).toBe('/');
  });

  it.each(['/', '/etc', '/etc/', '/proc', '/sys', '/var/lib/kubelet', '/root', '/var/run/docker.sock', '/run/containerd/containerd.sock', '/var/run/crio/crio.sock'])(
    '%s is sensitive',
    (p) => expect(sensitiveHostPath(p)).toBeDefined(),
  );

  it.each(['/var/log', '/etc/ssl/certs', '/data', '/var/lib/kubelet-plugins-data', '/srv/docker.socket'])('%s is not', (p) =>
    expect(sensitiveHostPath(p)).toBeUndefined(),
  );
});
