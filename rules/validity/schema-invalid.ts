import { defineRule } from '../../src/engine/rule.js';
import { validateWorkspace } from '../../src/schema/validate.js';

export default defineRule({
  id: 'schema-invalid',
  family: 'validity',
  severity: 'error',
  title: 'Object does not match the Kubernetes API schema',
  symptom: '`kubectl apply` fails with "unknown field", "cannot unmarshal string into Go struct field" or "Required value"; with lenient validation a misspelled field such as `livenessprobe` is silently dropped and the setting never takes effect',
  why:
    'The API server decodes every object against the schema of its apiVersion and kind. A wrong type or a missing required field stops the deploy; an unknown field is at best dropped, so a typo in a probe, a port or a security setting disappears without a trace. kubelint validates strictly, like `kubectl apply --validate=strict`, against the schemas of the configured `kubernetesVersion`, and validates custom resources against their CustomResourceDefinition when it is part of the scan.',
  fix: 'Spell the field as the API does (the message names the closest valid field), move a field to the level it belongs to, give values the expected type (quote strings such as env values and labels; do not quote integers such as ports and replicas), and add required fields.',
  example: {
    bad: 'containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n      - containerport: 8080\n    livenessprobe:\n      httpGet: { path: /healthz, port: 8080 }',
    good: 'containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n      - containerPort: 8080\n    livenessProbe:\n      httpGet: { path: /healthz, port: 8080 }',
  },
  notes: 'Custom resources whose CustomResourceDefinition is not in the scan are skipped (the summary counts them). A field set to null is treated as absent, as the API server does.',
  async check(ws, report) {
    for (const result of await validateWorkspace(ws)) {
      for (const p of result.problems) report({ at: result.object, path: p.path, target: p.target, message: p.message });
    }
  },
});
