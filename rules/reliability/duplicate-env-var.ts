import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'duplicate-env-var',
  family: 'reliability',
  severity: 'warning',
  title: 'A container defines the same environment variable twice',
  symptom: 'the app sees only the last value, so the first one looks set but has no effect; `kubectl apply --server-side` and Helm/Argo diffs fail with "duplicate entries for key [name=...]"',
  why: 'Kubernetes keeps both entries and the runtime uses the later one, so an edit to the first entry silently does nothing. Server-side apply treats `env` as a map keyed by name and rejects the duplicate.',
  fix: 'Keep one entry per name and delete the other (check which value the app needs).',
  example: {
    bad: 'env:\n  - { name: LOG_LEVEL, value: info }\n  - { name: LOG_LEVEL, value: debug }',
    good: 'env:\n  - { name: LOG_LEVEL, value: info }',
  },
  peers: {
    kubeLinter: ['duplicate-env-var'],
    kubeScore: ['environment-variable-key-duplication'],
  },
  check(ws, report) {
    for (const c of ws.containers) {
      const env = c.container.env;
      if (!Array.isArray(env)) continue;
      const first = new Map<string, number>();
      env.forEach((e: any, i: number) => {
        if (!e || typeof e.name !== 'string') return;
        const seen = first.get(e.name);
        if (seen === undefined) {
          first.set(e.name, i);
          return;
        }
        report({
          at: c,
          path: ['env', i, 'name'],
          message: `container "${c.name}" of ${c.template.owner.kind} "${c.template.owner.name}" sets ${e.name} again (first at env[${seen}]); only this later entry takes effect`,
        });
      });
    }
  },
});
