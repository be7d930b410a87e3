import { defineRule } from '../../src/engine/rule.js';
import { buildDockerfile, imageBuilds, type ImageBuild } from '../../src/arch/builds.js';
import { containersOfBuild } from '../../src/arch/link.js';
import { formatArchs, normalizeArch } from '../../src/arch/platform.js';
import { templateArchRequirement } from '../../src/arch/required.js';
import { whereIs } from '../../src/arch/where.js';
import type { Workspace } from '../../src/workspace/workspace.js';

interface Need {
  archs: string[];
  /** Who needs it and where that was read. */
  who: string;
}

/** What the image really holds: a literal pin on the Dockerfile's final stage wins over the requested platforms. */
function effectiveArchs(ws: Workspace, build: ImageBuild): { archs: string[]; pinnedBy?: string } | undefined {
  const unit = buildDockerfile(ws, build);
  const final = unit?.finalStage;
  if (unit && final?.platform?.value) {
    const value = unit.expand(final.platform.value, final.from);
    const arch = value !== undefined ? normalizeArch(value) : undefined;
    if (arch) return { archs: [arch], pinnedBy: `${whereIs(unit, ['instructions', final.from])} pins its final stage with --platform=${value}` };
  }
  return build.archs ? { archs: build.archs } : undefined;
}

function needsOf(ws: Workspace, build: ImageBuild): Need[] {
  const needs: Need[] = [];
  const seen = new Set<unknown>();
  for (const c of containersOfBuild(ws, build)) {
    const req = templateArchRequirement(c.template);
    if (!req || seen.has(c.template)) continue;
    seen.add(c.template);
    const o = c.template.owner;
    needs.push({ archs: req.archs, who: `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name} (image ${c.image}) requires ${req.archs.join(', ')} through ${req.how} at ${whereIs(c.unit, req.path)}` });
  }
  const configured = ws.settings.targetArchitectures.map(normalizeArch).filter((a): a is string => !!a);
  if (configured.length && (build.push || needs.length)) {
    needs.push({ archs: configured, who: `the config targetArchitectures require ${configured.join(', ')}` });
  }
  return needs;
}

export default defineRule({
  id: 'arch-target-mismatch',
  family: 'architecture',
  severity: 'error',
  title: 'Image built for architectures the cluster does not run',
  symptom: 'Pods on some nodes fail with `exec format error` or stay in ImagePullBackOff with `no matching manifest for linux/amd64 in the manifest list entries`',
  why:
    'The image is only as portable as the platforms it was built for. A workflow that builds `linux/arm64` only (or runs `docker build` on an ' +
    'arm64 runner) produces an image that amd64 nodes cannot run, and the mismatch shows up only when a pod is scheduled there.',
  fix: 'Build every architecture the cluster runs: `platforms: linux/amd64,linux/arm64` with docker/setup-qemu-action and docker/setup-buildx-action (or native runners per architecture merged into one manifest), or narrow the workload\'s nodeSelector to what is built.',
  example: {
    bad: '- uses: docker/build-push-action@v6\n  with:\n    platforms: linux/arm64\n    tags: ghcr.io/acme/orders:${{ github.sha }}\n# deployed with nodeSelector kubernetes.io/arch: amd64',
    good: '- uses: docker/build-push-action@v6\n  with:\n    platforms: linux/amd64,linux/arm64\n    tags: ghcr.io/acme/orders:${{ github.sha }}',
  },
  notes:
    'Builds are read from docker/build-push-action steps (`platforms`, `context`, `file`, `tags`, including docker/metadata-action images), ' +
    '`docker buildx build --platform` and `docker build` in workflow run steps and shell scripts; without `platforms` a build produces the ' +
    'runner\'s architecture (ubuntu-*-arm and macos-14+ are arm64). Builds are linked to workloads by image repository; published builds ' +
    'are also checked against config `targetArchitectures`. A build whose architectures cannot be known (expressions, scripts run on ' +
    'unknown machines) is not reported.',
  check(ws, report) {
    for (const build of imageBuilds(ws)) {
      const built = effectiveArchs(ws, build);
      if (!built) continue;
      for (const need of needsOf(ws, build)) {
        const missing = need.archs.filter((a) => !built.archs.includes(a));
        if (!missing.length) continue;
        const source = build.report.span ? build.report.at.unit.file.path : whereIs(build.report.at.unit, build.report.path ?? []);
        const what = built.pinnedBy
          ? `builds for ${built.archs.join(', ')} only, because ${built.pinnedBy}`
          : build.archsFrom === 'platforms'
            ? `builds for ${formatArchs(built.archs)} only (${build.archsText})`
            : `builds for the runner's architecture only, ${built.archs.join(', ')} (${build.archsText}, no platforms given)`;
        const wanted = [...new Set([...built.archs, ...need.archs])];
        report({
          at: build.report.at,
          ...(build.report.span ? { span: build.report.span } : { path: build.report.path }),
          message: `${build.origin === 'workflow' ? 'Workflow' : 'Script'} ${source} (${build.where}) ${what}, but ${need.who}: pods there fail with "exec format error". Build ${formatArchs(wanted)}`,
          fix: `platforms: ${formatArchs(wanted)}`,
        });
        break;
      }
    }
  },
});
