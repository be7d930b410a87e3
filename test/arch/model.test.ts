import { describe, expect, it } from 'vitest';
import { imageRepository, matchesRepository, repositoryPattern } from '../../src/arch/images.js';
import { normalizeArch, parsePlatformList, runnerArch } from '../../src/arch/platform.js';
import { findDockerBuilds, shellAssignments, shellCommands, expandShell } from '../../src/sources/scripts.js';

describe('platforms and runners', () => {
  it('normalises platform and architecture spellings', () => {
    expect(['linux/amd64', 'x86_64', 'AMD64', 'linux/arm64/v8', 'aarch64', 'linux/arm/v7', 'i386'].map(normalizeArch)).toEqual(['amd64', 'amd64', 'amd64', 'arm64', 'arm64', 'arm', '386']);
    expect(normalizeArch('$TARGETPLATFORM')).toBeUndefined();
    expect(parsePlatformList('linux/amd64, linux/arm64\nlinux/arm64')).toEqual({ archs: ['amd64', 'arm64'], unknown: [] });
    expect(parsePlatformList('local')).toEqual({ archs: [], unknown: ['local'] });
  });

  it('knows which GitHub runners are arm64', () => {
    expect(runnerArch(['ubuntu-latest'])).toBe('amd64');
    expect(runnerArch(['ubuntu-24.04-arm'])).toBe('arm64');
    expect(runnerArch(['ubuntu-22.04-arm'])).toBe('arm64');
    expect(runnerArch(['macos-14'])).toBe('arm64');
    expect(runnerArch(['macos-latest'])).toBe('arm64');
    expect(runnerArch(['macos-13'])).toBe('amd64');
    expect(runnerArch(['macos-14-large'])).toBe('amd64');
    expect(runnerArch(['macos-13-xlarge'])).toBe('arm64');
    expect(runnerArch(['self-hosted', 'linux', 'ARM64'])).toBe('arm64');
    expect(runnerArch(['self-hosted', 'linux'])).toBeUndefined();
    expect(runnerArch(['${{ matrix.os }}'])).toBeUndefined();
  });
});

describe('image repositories', () => {
  it('normalises Docker Hub names and strips tags and digests', () => {
    expect(imageRepository('nginx')).toBe('docker.io/library/nginx');
    expect(imageRepository('bitnami/redis:7.2')).toBe('docker.io/bitnami/redis');
    expect(imageRepository('ghcr.io/acme/api:1.2@sha256:abc')).toBe('ghcr.io/acme/api');
    expect(imageRepository('localhost:5000/api:dev')).toBe('localhost:5000/api');
  });

  it('turns CI tags with expressions into patterns', () => {
    const p = repositoryPattern('ghcr.io/${{ github.repository_owner }}/orders:${{ github.sha }}')!;
    expect(matchesRepository(p, 'ghcr.io/acme/orders:1.0')).toBe(true);
    expect(matchesRepository(p, 'ghcr.io/acme/payments:1.0')).toBe(false);
    expect(repositoryPattern('${{ steps.meta.outputs.tags }}')).toBeUndefined();
    expect(repositoryPattern('${{ env.REGISTRY }}/${{ env.IMAGE }}:${{ github.sha }}')).toBeUndefined();
    const shell = repositoryPattern('registry.example.com/shop/worker:${VERSION:-dev}')!;
    expect(matchesRepository(shell, 'registry.example.com/shop/worker:2.0.0')).toBe(true);
    expect(matchesRepository(repositoryPattern('acme/web:1')!, 'docker.io/acme/web:2')).toBe(true);
  });
});

describe('docker build commands in shell text', () => {
  it('reads platforms, tags, file, context and push', () => {
    const text = 'set -e\nsudo docker buildx build --platform=linux/amd64,linux/arm64 \\\n  -t acme/api:1 --tag acme/api:latest -f build/Dockerfile --push ./api && echo done\n';
    const [b] = findDockerBuilds(text);
    expect(b).toMatchObject({ tool: 'docker buildx build', buildx: true, tags: ['acme/api:1', 'acme/api:latest'], file: 'build/Dockerfile', context: './api', push: true });
    expect(b.platform?.value).toBe('linux/amd64,linux/arm64');
    expect(text.slice(b.platform!.span.start, b.platform!.span.end)).toBe('--platform=linux/amd64,linux/arm64');
  });

  it('finds plain docker build, podman and several commands per line', () => {
    const builds = findDockerBuilds('docker build -t a:1 . ; podman build --platform linux/arm64 -t b:1 .\n# docker build in a comment\necho "docker build"');
    expect(builds.map((b) => [b.tool, b.platform?.value, b.tags[0]])).toEqual([['docker build', undefined, 'a:1'], ['podman build', 'linux/arm64', 'b:1']]);
  });

  it('keeps GitHub expressions whole and resolves shell variables from the script', () => {
    const [b] = findDockerBuilds('docker buildx build --platform ${{ matrix.platform }} -t x .');
    expect(b.platform?.value).toBe('${{ matrix.platform }}');
    const vars = shellAssignments(shellCommands('export PLATFORMS=linux/arm64\nTAG="v1"\n'));
    expect(expandShell('$PLATFORMS', vars)).toBe('linux/arm64');
    expect(expandShell('${TAG}-${SUFFIX:-x}', vars)).toBe('v1-x');
    expect(expandShell('$UNKNOWN', vars)).toBeUndefined();
  });
});
