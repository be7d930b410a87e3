import { defineRule } from '../../src/engine/rule.js';
import { imageRepository } from '../../src/arch/images.js';
import type { DockerfileUnit, DockerStage } from '../../src/sources/dockerfile.js';

/** Dependency manifests that mean "this app has packages to install". */
const MANIFESTS = ['requirements.txt', 'pyproject.toml'];

/** Commands that install a requirements file or a project. */
const INSTALLS = [
  /\bpip[0-9.]*\s+(?:install|wheel|download)\b[^\n;&|]*\s(?:-r|--requirement)[\s=]/,
  /\bpip[0-9.]*\s+install\b[^\n;&|]*\s(?:-e\s+)?(?:\.|\.\/|\/\S+\/?|\.\[[^\]]*\])(?=\s|$)/,
  /\buv\s+(?:sync|pip\s+(?:sync|install\b[^\n;&|]*\s(?:-r|--requirement)[\s=]))/,
  /\bpoetry\s+install\b/, /\bpipenv\s+(?:install|sync)\b/, /\bpdm\s+(?:install|sync)\b/, /\bhatch\s+env\s+create\b/,
  /\b(?:conda|mamba|micromamba)\s+env\s+(?:create|update)\b/,
];

/** What starts Python: the interpreter, WSGI/ASGI servers and task runners. */
const RUNS_PYTHON = /\b(?:python[0-9.]*|pypy[0-9]*|uvicorn|gunicorn|hypercorn|daphne|celery|flask|django-admin|streamlit|fastapi|[\w/-]+\.py)\b/;

function isPythonImage(image: string | undefined): boolean {
  if (!image) return false;
  const name = imageRepository(image).split('/').pop() ?? '';
  return /python|pypy|uvicorn|gunicorn/.test(name);
}

/** CMD/ENTRYPOINT of the final stage (or of the stages it is built on). */
function startCommand(unit: DockerfileUnit, final: DockerStage): string | undefined {
  for (const stage of unit.chain(final)) {
    const parts = stage.instructions.map((i) => unit.instructions[i]).filter((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
    if (parts.length) return parts.map((p) => p.args).join(' ');
  }
  return undefined;
}

/** `["uvicorn", "main:app"]` -> `uvicorn main:app`, shortened for a message. */
function shortCommand(args: string): string {
  let text = args.trim();
  try {
    const list = JSON.parse(text);
    if (Array.isArray(list)) text = list.join(' ');
  } catch {
    // Shell form: keep as written.
  }
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

export default defineRule({
  id: 'dockerfile-requirements-not-installed',
  family: 'dockerfile',
  severity: 'error',
  title: 'Python image that never installs its requirements',
  symptom: 'The pod crash-loops right after start with `ModuleNotFoundError: No module named \'fastapi\'` (or any other dependency)',
  why:
    'The build context holds requirements.txt or pyproject.toml, and the image runs Python, but no stage runs `pip install -r requirements.txt`, ' +
    '`pip install .`, `poetry install` or `uv sync`. The build succeeds and the image only fails when the app imports its first dependency, in the cluster.',
  fix: 'Copy the manifest and install it before copying the code: `COPY requirements.txt .` then `RUN pip install --no-cache-dir -r requirements.txt` (or `pip install .` / `poetry install` / `uv sync` for pyproject.toml).',
  example: {
    bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["uvicorn", "main:app"]\n',
    good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["uvicorn", "main:app"]\n',
  },
  notes: 'The build context is taken to be the Dockerfile\'s folder. Installing in any stage counts (a builder stage whose packages are copied into the final one).',
  check(ws, report) {
    const files = new Set(ws.files.map((f) => f.path));
    for (const unit of ws.unitsOf<DockerfileUnit>('dockerfile')) {
      const final = unit.finalStage;
      if (!final) continue;
      const prefix = unit.dir ? `${unit.dir}/` : '';
      const manifests = MANIFESTS.filter((m) => files.has(prefix + m));
      if (!manifests.length) continue;
      const chain = unit.chain(final);
      const base = chain[chain.length - 1].resolvedImage;
      const start = startCommand(unit, final);
      // A python base without CMD starts the interpreter (the official images' default CMD is python3).
      const runsPython = start !== undefined ? RUNS_PYTHON.test(start) : isPythonImage(base);
      const pythonImage = unit.stages.some((s) => isPythonImage(s.resolvedImage));
      if (!runsPython || !pythonImage) continue;
      const installs = unit.instructions.some((i) => i.keyword === 'RUN' && INSTALLS.some((re) => re.test(i.args)));
      if (installs) continue;
      const manifest = manifests[0];
      const how = manifest === 'requirements.txt' ? 'COPY requirements.txt . and RUN pip install --no-cache-dir -r requirements.txt' : 'COPY pyproject.toml . and RUN pip install . (or poetry install / uv sync)';
      report({
        at: { unit, basePath: [] },
        path: ['instructions', final.from],
        message: `${prefix}${manifest} is in the build context and the image runs Python${start ? ` (${shortCommand(start)})` : ''}, but no stage installs it: the app will fail with ModuleNotFoundError. Add ${how} before copying the code`,
      });
    }
  },
});
