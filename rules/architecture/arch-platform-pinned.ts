import { defineRule } from '../../src/engine/rule.js';
import { formatArchs, normalizeArch } from '../../src/arch/platform.js';
import { targetArchitectures } from '../../src/arch/required.js';
import { PLATFORM_ARGS, type DockerfileUnit } from '../../src/sources/dockerfile.js';

const TARGET_SOURCE = {
  config: 'targetArchitectures in the kubelint config',
  workloads: 'the kubernetes.io/arch node selectors of the workloads',
  default: 'the default, as nothing says otherwise; set targetArchitectures in .kubelint.yaml',
};

export default defineRule({
  id: 'arch-platform-pinned',
  family: 'architecture',
  severity: 'error',
  title: 'Dockerfile stage pinned to a platform the cluster does not run',
  symptom: 'Pods crash at start with `exec /app: exec format error` (or `standard_init_linux.go: exec user process caused: exec format error`)',
  why:
    '`FROM --platform=linux/arm64` makes that stage arm64 whatever platform the build asks for, so an image built on an Apple-silicon laptop ' +
    'or with `--platform linux/amd64` still holds arm64 binaries and only fails when a node of another architecture runs it. A default value on ' +
    'TARGETARCH/TARGETPLATFORM/BUILDPLATFORM overrides what BuildKit would fill in, with the same effect.',
  fix: 'Remove the literal pin (the final stage normally has none); let build stages use `--platform=$BUILDPLATFORM` and cross-compile with `ARG TARGETOS TARGETARCH`; declare platform ARGs without a default (`ARG TARGETARCH`).',
  example: {
    bad: 'FROM --platform=linux/arm64 golang:1.22 AS build\n...\nFROM --platform=linux/arm64 alpine:3.20',
    good: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app\nFROM alpine:3.20',
  },
  notes: 'Target architectures come from config `targetArchitectures` (or `--target-arch`), else from the kubernetes.io/arch node selectors and affinities of the scanned workloads, else amd64.',
  check(ws, report) {
    const targets = targetArchitectures(ws);
    for (const unit of ws.unitsOf<DockerfileUnit>('dockerfile')) {
      for (const stage of unit.stages) {
        const flag = stage.platform;
        if (!flag?.value) continue;
        const value = unit.expand(flag.value, stage.from);
        if (value === undefined) continue;
        const arch = normalizeArch(value);
        if (!arch || targets.archs.includes(arch)) continue;
        const via = value !== flag.value ? ` (${flag.value} defaults to ${value})` : '';
        report({
          at: { unit, basePath: [] },
          path: unit.onFirstLine(stage.from, ['instructions', stage.from, 'flag', 'platform']),
          message: `FROM --platform=${value}${via} pins ${stage.name ? `stage ${stage.name}` : 'this stage'} to ${arch}, but the target architectures are ${formatArchs(targets.archs)} (${TARGET_SOURCE[targets.source]}): its binaries fail with "exec format error" there. Remove the pin, or use --platform=$BUILDPLATFORM and cross-compile with ARG TARGETARCH`,
        });
      }
      for (const ins of unit.instructions) {
        if (ins.keyword !== 'ARG') continue;
        ins.properties.forEach((p, k) => {
          if (!PLATFORM_ARGS.includes(p.name) || p.value === undefined) return;
          report({
            at: { unit, basePath: [] },
            path: unit.onFirstLine(ins.index, ['instructions', ins.index, 'property', k]),
            target: 'key',
            message: `ARG ${p.name}=${p.value} gives an automatic platform argument a default: write \`ARG ${p.name}\` and let BuildKit fill it in from --platform, or every build uses ${p.value}`,
          });
        });
      }
    }
  },
});
