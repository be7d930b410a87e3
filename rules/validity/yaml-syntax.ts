import { defineRule } from '../../src/engine/rule.js';

// Findings come from the YAML loader (src/sources/yaml.ts); this module carries the metadata.
export default defineRule({
  id: 'yaml-syntax',
  family: 'validity',
  severity: 'error',
  title: 'YAML that cannot be parsed',
  symptom: '`kubectl apply` fails with "error converting YAML to JSON", and every other object of the file is not applied either',
  why: 'A file that does not parse is not deployed at all, and no other check can look inside it. Binary files, non-UTF-8 text and alias bombs named `.yaml` are reported here too, so nothing is skipped silently.',
  fix: 'Fix the syntax at the reported position: usually an indentation step, a missing closing bracket or quote, or a tab used for indentation.',
  example: { bad: 'ports: [80, 443\nimage: nginx', good: 'ports: [80, 443]\nimage: nginx' },
  check() {},
});
