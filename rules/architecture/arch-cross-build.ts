import { defineRule } from '../../src/engine/rule.js';
import type { DockerfileUnit, DockerInstruction, DockerStage } from '../../src/sources/dockerfile.js';

/** Commands that produce native binaries for the machine they run on unless told otherwise. */
const COMPILES = /\b(?:go\s+(?:build|install)|cargo\s+(?:build|install)|rustc|gcc|g\+\+|clang(?:\+\+)?|zig\s+build|dotnet\s+publish)\b/;
/** Cross-compilation helpers (tonistiigi/xx) that read TARGETPLATFORM themselves. */
const CROSS_HELPERS = /\bxx-(?:go|cargo|clang|apk|apt-get|info|verify)\b/;
const TARGET_VAR = /\$\{?(TARGET(?:PLATFORM|OS|ARCH|VARIANT))\b/g;
const HARDCODED_GOARCH = /\bGOARCH=["']?(amd64|arm64|arm|386|ppc64le|s390x|riscv64)\b/;

function stageFromBuildPlatform(stage: DockerStage): boolean {
  return /\$\{?BUILDPLATFORM\}?/.test(stage.platform?.value ?? '');
}

/** TARGET* variables the instruction uses that are not declared (ARG) in its stage. */
function undeclaredTargets(unit: DockerfileUnit, ins: DockerInstruction): string[] {
  const names = new Set<string>();
  for (const m of ins.args.matchAll(TARGET_VAR)) if (!unit.isDefined(m[1], ins.index)) names.add(m[1]);
  return [...names];
}

/** Does the compile take its target from the build arguments (here, or through an ENV such as GOARCH=$TARGETARCH)? */
function takesTarget(unit: DockerfileUnit, ins: DockerInstruction): boolean {
  if (CROSS_HELPERS.test(ins.args)) return true;
  if ([...ins.args.matchAll(TARGET_VAR)].length) return true;
  for (const name of ['GOARCH', 'CARGO_BUILD_TARGET', 'CC', 'TARGET']) {
    const v = unit.lookup(name, ins.index);
    if (typeof v === 'string' && /TARGET(PLATFORM|OS|ARCH|VARIANT)|xx-/.test(v)) return true;
  }
  return false;
}

export default defineRule({
  id: 'arch-cross-build',
  family: 'architecture',
  severity: 'error',
  title: 'Cross-platform build stage that compiles for the build machine',
  symptom: 'The multi-arch image builds fine, but on nodes of the other architecture the pod fails with `exec format error`',
  why:
    '`FROM --platform=$BUILDPLATFORM` runs the stage natively on the builder (fast, no emulation), so the compiler targets the builder\'s ' +
    'architecture unless the stage passes the target on: `ARG TARGETOS TARGETARCH` and `GOOS=$TARGETOS GOARCH=$TARGETARCH`. Without them, ' +
    'or with `$TARGETARCH` used but never declared in that stage (it expands to nothing), or with a hard-coded `GOARCH=amd64`, every platform ' +
    'of the image gets the same binary.',
  fix: 'Declare the target in the stage and hand it to the compiler: `ARG TARGETOS TARGETARCH` then `RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build ...` (cargo/clang: `--target` from TARGETPLATFORM, or the tonistiigi/xx helpers).',
  example: {
    bad: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .',
    good: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS TARGETARCH\nRUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .',
  },
  notes: 'An ARG declared before the first FROM is not visible inside a stage: TARGETARCH must be declared (without a value) in the stage that uses it.',
  check(ws, report) {
    for (const unit of ws.unitsOf<DockerfileUnit>('dockerfile')) {
      for (const stage of unit.stages) {
        const cross = stageFromBuildPlatform(stage);
        for (const index of stage.instructions) {
          const ins = unit.instructions[index];
          if (ins.keyword !== 'RUN' && ins.keyword !== 'ENV') continue;
          const at = { unit, basePath: [] };
          const path = ['instructions', index];
          const missing = undeclaredTargets(unit, ins);
          if (missing.length) {
            report({
              at,
              path,
              message: `${ins.keyword} uses $${missing[0]}, but ${stage.name ? `stage ${stage.name}` : 'this stage'} never declares it, so it expands to an empty string and the build targets the builder's platform: add \`ARG ${missing.join(' ')}\` after the FROM line`,
            });
            continue;
          }
          const hard = HARDCODED_GOARCH.exec(ins.keyword === 'ENV' ? ins.properties.map((p) => `${p.name}=${p.value ?? ''}`).join(' ') : ins.args);
          if (hard) {
            report({
              at,
              path,
              message: `${ins.keyword} hard-codes GOARCH=${hard[1]}: every platform of the image gets ${hard[1]} binaries. Use \`ARG TARGETARCH\` and GOARCH=$TARGETARCH`,
            });
            continue;
          }
          // A GOARCH hard-coded by an earlier ENV is reported there, once.
          const envGoarch = unit.lookup('GOARCH', index);
          const reportedAtEnv = typeof envGoarch === 'string' && HARDCODED_GOARCH.test(`GOARCH=${envGoarch}`);
          if (cross && ins.keyword === 'RUN' && COMPILES.test(ins.args) && !takesTarget(unit, ins) && !reportedAtEnv) {
            const tool = COMPILES.exec(ins.args)![0].replace(/\s+/g, ' ');
            const advice = /^go /.test(tool)
              ? 'add `ARG TARGETOS TARGETARCH` to the stage and run `GOOS=$TARGETOS GOARCH=$TARGETARCH ' + tool + '`'
              : 'pass the target from `ARG TARGETPLATFORM` (for example with the tonistiigi/xx helpers) or drop --platform=$BUILDPLATFORM';
            report({
              at,
              path,
              message: `Stage ${stage.name ?? stage.index} runs on $BUILDPLATFORM and \`${tool}\` compiles for the build machine, not for the target platform: ${advice}`,
            });
          }
        }
      }
    }
  },
});
