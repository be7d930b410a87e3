import { describe, expect, it } from 'vitest';
import { keys, scanFiles } from '../dockerfile/scan-files.js';

const ARCH = ['arch-platform-pinned', 'arch-cross-build', 'arch-target-mismatch'];

function deployment(name: string, image: string, podSpecExtra: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: shop }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
${podSpecExtra}      containers:
        - name: app
          image: ${image}
`;
}

function buildPushWorkflow(platforms: string | undefined, tags: string, runsOn = 'ubuntu-latest', push = 'true'): string {
  return `name: build
on: [push]
jobs:
  build:
    runs-on: ${runsOn}
    steps:
      - uses: docker/build-push-action@v6
        with:
${platforms ? `          platforms: ${platforms}\n` : ''}          push: ${push}
          tags: ${tags}
`;
}

async function run(files: Record<string, string>, targetArch?: string[]): Promise<string[]> {
  return keys(await scanFiles(files, { onlyRules: ARCH, ...(targetArch ? { targetArch } : {}) }), ARCH);
}

describe('arch-target-mismatch', () => {
  const amd64 = '      nodeSelector: { kubernetes.io/arch: amd64 }\n';

  it('links builds to workloads by repository and compares architectures', async () => {
    const files = {
      '.github/workflows/build.yml': buildPushWorkflow('linux/arm64', 'ghcr.io/acme/api:${{ github.sha }}'),
      'k8s/api.yaml': deployment('api', 'ghcr.io/acme/api:1.0.0', amd64),
    };
    expect(await run(files)).toEqual(['arch-target-mismatch .github/workflows/build.yml:9']);
    // An unrelated image is not linked.
    expect(await run({ ...files, 'k8s/api.yaml': deployment('api', 'ghcr.io/acme/other:1.0.0', amd64) })).toEqual([]);
  });

  it('without platforms, the runner decides', async () => {
    const files = (runsOn: string) => ({
      '.github/workflows/build.yml': buildPushWorkflow(undefined, 'ghcr.io/acme/api:latest', runsOn),
      'k8s/api.yaml': deployment('api', 'ghcr.io/acme/api:1.0.0', amd64),
    });
    expect(await run(files('ubuntu-latest'))).toEqual([]);
    expect(await run(files('ubuntu-24.04-arm'))).toEqual(['arch-target-mismatch .github/workflows/build.yml:7']);
  });

  it('requires every architecture a required node affinity allows; a term without arch lifts the requirement', async () => {
    const affinity = (terms: string) => `      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
${terms}`;
    const both = affinity('              - matchExpressions: [{ key: kubernetes.io/arch, operator: In, values: [amd64, arm64] }]\n');
    const open = affinity('              - matchExpressions: [{ key: kubernetes.io/arch, operator: In, values: [arm64] }]\n              - matchExpressions: [{ key: node-pool, operator: In, values: [general] }]\n');
    const wf = { '.github/workflows/build.yml': buildPushWorkflow('linux/amd64', 'ghcr.io/acme/api:1') };
    expect(await run({ ...wf, 'k8s/api.yaml': deployment('api', 'ghcr.io/acme/api:1', both) })).toEqual(['arch-target-mismatch .github/workflows/build.yml:9']);
    expect(await run({ ...wf, 'k8s/api.yaml': deployment('api', 'ghcr.io/acme/api:1', open) })).toEqual([]);
  });

  it('checks published builds against config targetArchitectures', async () => {
    const wf = (push: string) => ({ '.github/workflows/build.yml': buildPushWorkflow('linux/amd64', 'ghcr.io/acme/tool:1', 'ubuntu-latest', push) });
    expect(await run(wf('true'), ['amd64', 'arm64'])).toEqual(['arch-target-mismatch .github/workflows/build.yml:9']);
    expect(await run(wf('false'), ['amd64', 'arm64'])).toEqual([]);
    expect(await run(wf('true'))).toEqual([]);
  });

  it('expands matrix platforms and reads tags from docker/metadata-action', async () => {
    const workflow = `on: [push]
jobs:
  build:
    strategy:
      matrix:
        platform: [linux/amd64, linux/arm64]
    runs-on: ubuntu-latest
    steps:
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: |
            ghcr.io/acme/api
      - uses: docker/build-push-action@v6
        with:
          platforms: \${{ matrix.platform }}
          tags: \${{ steps.meta.outputs.tags }}
`;
    const both = '      nodeSelector: { kubernetes.io/arch: arm64 }\n';
    expect(await run({ '.github/workflows/build.yml': workflow, 'k8s/api.yaml': deployment('api', 'ghcr.io/acme/api:1', both) })).toEqual([]);
    const armOnly = workflow.replace('[linux/amd64, linux/arm64]', '[linux/arm64]');
    expect(await run({ '.github/workflows/build.yml': armOnly, 'k8s/api.yaml': deployment('api', 'ghcr.io/acme/api:1', amd64) })).toEqual([
      'arch-target-mismatch .github/workflows/build.yml:16',
    ]);
  });

  it('points into run: blocks and shell scripts at the --platform flag', async () => {
    const workflow = `on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: build
        run: |
          docker buildx build \\
            --platform linux/arm64 \\
            -t ghcr.io/acme/api:\${{ github.sha }} --push .
`;
    const findings = await scanFiles(
      { '.github/workflows/build.yml': workflow, 'k8s/api.yaml': deployment('api', 'ghcr.io/acme/api:1', amd64) },
      { onlyRules: ['arch-target-mismatch'] },
    );
    expect(findings.map((f) => [f.line, f.column])).toEqual([[9, 13]]);
    const script = await scanFiles(
      { 'release.sh': 'docker buildx build --platform linux/arm64 -t ghcr.io/acme/api:v1 --push .\n', 'k8s/api.yaml': deployment('api', 'ghcr.io/acme/api:1', amd64) },
      { onlyRules: ['arch-target-mismatch'] },
    );
    expect(script.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['release.sh:1:21']);
  });

  it('takes a literal pin on the final stage as what the image holds', async () => {
    const files = {
      '.github/workflows/build.yml': buildPushWorkflow('linux/amd64,linux/arm64', 'ghcr.io/acme/api:1').replace('    steps:\n', '    steps:\n      - uses: actions/checkout@v4\n'),
      'Dockerfile': 'FROM --platform=linux/arm64 alpine:3.20\n',
      'k8s/api.yaml': deployment('api', 'ghcr.io/acme/api:1', amd64),
    };
    const found = await scanFiles(files, { onlyRules: ARCH });
    expect(keys(found, ARCH)).toEqual(['arch-platform-pinned Dockerfile:1', 'arch-target-mismatch .github/workflows/build.yml:10']);
    expect(found.find((f) => f.ruleId === 'arch-target-mismatch')!.message).toContain('Dockerfile:1 pins its final stage with --platform=linux/arm64');
  });
});

describe('arch-platform-pinned', () => {
  it('compares pins with config targets, else workload selectors, else amd64', async () => {
    const pinned = { Dockerfile: 'FROM --platform=linux/arm64 alpine:3.20\n' };
    expect(await run(pinned)).toEqual(['arch-platform-pinned Dockerfile:1']);
    expect(await run(pinned, ['arm64'])).toEqual([]);
    expect(await run({ ...pinned, 'k8s/a.yaml': deployment('a', 'x/a:1', '      nodeSelector: { kubernetes.io/arch: arm64 }\n') })).toEqual([]);
  });

  it('reports TARGET*/BUILD* ARG defaults', async () => {
    expect(await run({ Dockerfile: 'ARG BUILDPLATFORM=linux/amd64\nFROM --platform=$BUILDPLATFORM alpine:3.20\n' })).toEqual(['arch-platform-pinned Dockerfile:1']);
  });
});

describe('arch-cross-build', () => {
  it('accepts GOARCH from TARGETARCH set by ENV or in the RUN, and reports what is missing', async () => {
    const stage = (body: string) => `FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n${body}\nFROM alpine:3.20\n`;
    expect(await run({ Dockerfile: stage('ARG TARGETARCH\nRUN GOARCH=${TARGETARCH} go build ./...') })).toEqual([]);
    expect(await run({ Dockerfile: stage('RUN go mod download && go generate ./...') })).toEqual([]);
    expect(await run({ Dockerfile: stage('RUN go build ./...') })).toEqual(['arch-cross-build Dockerfile:2']);
    expect(await run({ Dockerfile: stage('RUN GOARCH=$TARGETARCH go build ./...') })).toEqual(['arch-cross-build Dockerfile:2']);
    // Outside a $BUILDPLATFORM stage, go build targets the requested platform (emulated): fine.
    expect(await run({ Dockerfile: 'FROM golang:1.22\nRUN go build ./...\n' })).toEqual([]);
  });
});
