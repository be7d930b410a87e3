import { defineRule } from '../../src/engine/rule.js';
import type { KeyPath, Span } from '../../src/model.js';
import type { ContainerRef } from '../../src/workspace/types.js';
import { describeContainer } from './container-resources.js';
import { findPackageInstalls, type PackageInstall } from './shell-install.js';

/** The container's argv (`command` then `args`) with the key path of each element. */
function argvOf(c: ContainerRef): { argv: string[]; paths: KeyPath[] } {
  const argv: string[] = [];
  const paths: KeyPath[] = [];
  for (const field of ['command', 'args'] as const) {
    const list = c.container[field];
    if (!Array.isArray(list)) continue;
    list.forEach((v: unknown, i: number) => {
      if (v === null || typeof v === 'object') return;
      argv.push(String(v));
      paths.push([field, i]);
    });
  }
  return { argv, paths };
}

/**
 * The command word inside the element's source text: the n-th occurrence in the YAML scalar as
 * written matches the n-th occurrence in its value (quotes and block indentation do not change it).
 */
function spanOfCommand(c: ContainerRef, path: KeyPath, value: string, hit: PackageInstall): Span | undefined {
  let before = 0;
  for (let at = value.indexOf(hit.commandWord); at >= 0 && at < hit.offset; at = value.indexOf(hit.commandWord, at + 1)) before++;
  const scalar = c.unit.locate([...c.basePath, ...path], 'value');
  const raw = c.unit.file.text.slice(scalar.start, scalar.end);
  let pos = raw.indexOf(hit.commandWord);
  for (let n = 0; n < before && pos >= 0; n++) pos = raw.indexOf(hit.commandWord, pos + 1);
  return pos < 0 ? undefined : { start: scalar.start + pos, end: scalar.start + pos + hit.commandWord.length };
}

export default defineRule({
  id: 'runtime-package-install',
  family: 'resources',
  severity: 'warning',
  title: 'A container installs packages when it starts',
  symptom: 'pods take minutes to start, crash-loop when the package mirror is slow or unreachable (air-gapped clusters, egress policies), and replicas run different package versions',
  why: 'A command like `apk add curl && ./run` downloads packages on every container start: each restart and each new replica depends on the network and on whatever version the mirror serves that day, the root filesystem must be writable, and the install tools stay in the runtime image. The image is the place to install software: built once, scanned, identical everywhere.',
  fix: 'Move the install into the image (`RUN apk add --no-cache curl` in the Dockerfile) or use an image that already ships the tool, and keep the container command to starting the application.',
  example: {
    bad: 'command: ["sh", "-c", "pip install -r requirements.txt && python app.py"]',
    good: '# Dockerfile: RUN pip install --no-cache-dir -r requirements.txt\ncommand: ["python", "app.py"]',
  },
  notes:
    'Looks at `command` and `args` of every container (Jobs and init containers included), and into `sh -c` / `bash -c` scripts. Detects `apk add`, `apt-get`/`apt install`, `yum`/`dnf`/`microdnf install`, `zypper install`, `pip install` (also `python -m pip`) and `npm install`/`npm i`. Not reported: `npm ci` (installs the lockfile exactly), `pip install --no-index` and `npm --offline` (no network), and `apt-get update` alone.',
  check(ws, report) {
    for (const c of ws.containers) {
      const { argv, paths } = argvOf(c);
      if (!argv.length) continue;
      for (const hit of findPackageInstalls(argv)) {
        const path = paths[hit.element];
        const span = spanOfCommand(c, path, argv[hit.element], hit);
        report({
          at: c,
          path,
          ...(span ? { span } : {}),
          message: `${describeContainer(c)} installs packages at start: \`${hit.display}\``,
        });
      }
    }
  },
});
