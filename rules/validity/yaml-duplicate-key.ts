import { defineRule } from '../../src/engine/rule.js';

// Findings come from the YAML loader (src/sources/yaml.ts); this module carries the metadata.
export default defineRule({
  id: 'yaml-duplicate-key',
  family: 'validity',
  severity: 'error',
  title: 'A mapping repeats a key',
  symptom: 'a setting you wrote has no effect: the later duplicate silently replaces it (or `kubectl apply` rejects the file with "mapping key already defined")',
  why: 'YAML parsers disagree on duplicate keys: some keep the last value, some reject the document. Either way one of the two values you wrote is lost, typically a second `env:` or `resources:` block added lower down.',
  fix: 'Merge the two entries into one key, or delete the stale one.',
  example: {
    bad: 'containers:\n  - name: api\n    image: api:1.0\n    image: api:1.1',
    good: 'containers:\n  - name: api\n    image: api:1.1',
  },
  check() {},
});
