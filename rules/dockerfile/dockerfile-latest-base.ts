import { defineRule } from '../../src/engine/rule.js';
import { imageDigest, imageTag } from '../../src/arch/images.js';
import type { DockerfileUnit } from '../../src/sources/dockerfile.js';

export default defineRule({
  id: 'dockerfile-latest-base',
  family: 'dockerfile',
  severity: 'warning',
  title: 'Base image without a version tag, or :latest',
  symptom: 'A rebuild of an unchanged repository suddenly fails or behaves differently (new Python, new glibc, missing package) because `latest` moved',
  why:
    'A FROM line without a tag means `:latest`, which the publisher moves with every release. Two builds of the same commit then differ, ' +
    'a rollback rebuilds onto a newer base than the one that was tested, and a major version bump of the base lands unannounced.',
  fix: 'Pin a version tag (`python:3.12-slim`, `node:20.15-alpine`), ideally with its digest (`python:3.12-slim@sha256:...`) and a tool such as Renovate or Dependabot to bump it.',
  example: { bad: 'FROM python\n', good: 'FROM python:3.12-slim\n' },
  peers: { hadolint: ['DL3006', 'DL3007'] },
  notes: '`scratch`, stages built on an earlier stage (`FROM build`), and images whose name comes from an ARG without a default are not reported.',
  check(ws, report) {
    for (const unit of ws.unitsOf<DockerfileUnit>('dockerfile')) {
      for (const stage of unit.stages) {
        const image = stage.resolvedImage;
        if (!image || stage.parent !== undefined || image.toLowerCase() === 'scratch') continue;
        if (imageDigest(image)) continue;
        const tag = imageTag(image);
        if (tag !== undefined && tag !== 'latest') continue;
        const through = image !== stage.image ? ` (${stage.image} resolves to ${image} through its ARG default)` : '';
        report({
          at: { unit, basePath: [] },
          path: unit.onFirstLine(stage.from, ['instructions', stage.from, 'image']),
          message: `FROM ${image}${through} ${tag ? 'uses the moving :latest tag' : 'has no tag, so it means :latest'}: pin a version such as ${image.replace(/:latest$/, '')}:<version>, ideally with @sha256 digest`,
        });
      }
    }
  },
});
