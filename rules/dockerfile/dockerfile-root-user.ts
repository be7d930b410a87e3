import { defineRule } from '../../src/engine/rule.js';
import { imageRepository, imageTag } from '../../src/arch/images.js';
import type { DockerfileUnit, DockerInstruction } from '../../src/sources/dockerfile.js';

/** Base images that already switch to an unprivileged user. */
function nonRootBase(image: string): boolean {
  const repo = imageRepository(image);
  const tag = imageTag(image) ?? '';
  if (/(^|[-_.])nonroot([-_.]|$)/.test(tag)) return true;
  if (/^cgr\.dev\/chainguard\//.test(repo) && !/dev/.test(tag)) return true;
  return /^docker\.io\/bitnami\//.test(repo) || /nginx-unprivileged$/.test(repo);
}

/** `root`, `0`, `0:0`, `root:root` (after variable expansion). */
function isRootUser(user: string): boolean {
  const name = user.trim().split(':')[0];
  return name === 'root' || name === '0';
}

export default defineRule({
  id: 'dockerfile-root-user',
  family: 'dockerfile',
  severity: 'warning',
  title: 'Final image runs as root',
  symptom: 'Pods are rejected by a `runAsNonRoot` policy (`container has runAsNonRoot and image will run as root`), or a compromised app owns the whole container filesystem',
  why:
    'Without a USER instruction (or with USER root) the container process runs as uid 0. Clusters with Pod Security "restricted" or ' +
    '`runAsNonRoot: true` refuse to start such images, and everywhere else any code execution bug gets root inside the container and an easier path to the node.',
  fix: 'Create an unprivileged user in the final stage and switch to it before CMD (`RUN useradd -r -u 10001 app` then `USER 10001`), or start from a base that already does (distroless `:nonroot`).',
  example: { bad: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n', good: 'FROM python:3.12-slim\nRUN useradd -r -u 10001 app\nCOPY . /app\nUSER 10001\nCMD ["python", "/app/main.py"]\n' },
  peers: { hadolint: ['DL3002'] },
  notes: 'USER set in a stage the final stage is built on counts. Base images known to run unprivileged (distroless `:nonroot`, Chainguard, Bitnami, nginx-unprivileged) are not reported.',
  check(ws, report) {
    for (const unit of ws.unitsOf<DockerfileUnit>('dockerfile')) {
      const final = unit.finalStage;
      if (!final) continue;
      let lastUser: DockerInstruction | undefined;
      for (const stage of unit.chain(final)) {
        const users = stage.instructions.map((i) => unit.instructions[i]).filter((i) => i.keyword === 'USER');
        lastUser = users[users.length - 1];
        if (lastUser) break;
      }
      if (lastUser) {
        const user = unit.expand(lastUser.argv[0] ?? '', lastUser.index);
        if (user !== undefined && isRootUser(user)) {
          report({ at: { unit, basePath: [] }, path: ['instructions', lastUser.index], message: `The final stage switches to USER ${lastUser.argv[0]}: the container runs as root. Use an unprivileged uid (USER 10001)` });
        }
        continue;
      }
      const chain = unit.chain(final);
      const base = chain[chain.length - 1].resolvedImage;
      if (base && nonRootBase(base)) continue;
      report({
        at: { unit, basePath: [] },
        path: ['instructions', final.from],
        message: `The final stage (FROM ${final.image}) never sets USER, so the container runs as root: add \`USER 10001\` (after creating the user) before CMD`,
      });
    }
  },
});
