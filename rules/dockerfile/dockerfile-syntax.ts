import { defineRule } from '../../src/engine/rule.js';

// Findings come from the Dockerfile loader (src/sources/dockerfile.ts); this module carries the metadata.
export default defineRule({
  id: 'dockerfile-syntax',
  family: 'dockerfile',
  severity: 'error',
  title: 'Dockerfile that Docker cannot build',
  symptom: '`docker build` stops before the first step with `unknown instruction`, `no build stage in current context`, `ENV must have two arguments` or an unterminated heredoc',
  why:
    'A Dockerfile that does not parse fails the CI build, and no other Dockerfile check can look inside it. The common causes are a lost line ' +
    'continuation (so a shell word becomes an instruction), an instruction before the first FROM, an ENV without a value and a heredoc without its closing line.',
  fix: 'Fix the instruction at the reported position: join continued lines with a trailing backslash, start the file with FROM (only ARG may come before it), give ENV a value (`ENV NAME=value`) and close every heredoc.',
  example: { bad: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n    gunicorn\n', good: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt \\\n    gunicorn\n' },
  peers: { hadolint: ['DL1000'] },
  check() {},
});
