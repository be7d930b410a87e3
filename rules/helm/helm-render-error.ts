import { defineRule } from '../../src/engine/rule.js';

// Findings come from the Helm renderer (src/sources/helm/render.ts) as load problems;
// this module carries the metadata for docs, `explain` and SARIF.
export default defineRule({
  id: 'helm-render-error',
  family: 'helm',
  severity: 'error',
  title: 'Helm chart that does not render',
  symptom:
    '`helm install` / `helm template` fails with the same error: `execution error at (chart/templates/x.yaml:12:5): ... is required`, ' +
    '`parse error ... function "x" not defined`, `nil pointer evaluating interface {}.port`, `YAML parse error on chart/templates/x.yaml`, ' +
    'or `values don\'t meet the specifications of the schema(s)`',
  why:
    'kubelint renders charts in-process, with Helm\'s template language and functions, values merging and schema validation. ' +
    'Whatever stops that render also stops the release: a `required` value nobody set, a `fail` guard, a misspelled or unsupported ' +
    'function, a field read through a value that is missing (`.Values.a.b` when `a` is unset), a template whose output is not YAML, ' +
    'a value rejected by values.schema.json, or a dependency listed in Chart.yaml but absent from charts/. Nothing the chart would ' +
    'deploy can be checked until it renders, so the templates that fail are left out of the scan.',
  fix:
    'Go to the reported line: set the value the message names (in values.yaml, a `--values` file or `--set`), guard optional ' +
    'values with `{{ with .Values.a }}` or `{{ default ... }}`, fix the function name, quote or indent the output so it stays YAML ' +
    '(`| quote`, `| nindent N`), make the value match the schema, or run `helm dependency build`.',
  example: {
    bad: '# templates/configmap.yaml\ndata:\n  host: {{ .Values.database.host }}\n  port: {{ .Values.databse.port }}   # typo: nil pointer\n',
    good: '# templates/configmap.yaml\ndata:\n  host: {{ required "database.host is required" .Values.database.host | quote }}\n  port: {{ .Values.database.port | default 5432 | quote }}\n',
  },
  notes:
    'Functions that need a cluster or the network behave as in `helm template`: `lookup` returns an empty map; `getHostByName` is ' +
    'reported as unsupported. Random and certificate functions (`randAlphaNum`, `uuidv4`, `genCA`...) are reproducible: the same chart ' +
    'and release name always render the same output, so fingerprints and baselines stay stable.',
  check() {},
});
