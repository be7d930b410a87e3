import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'image-pull-policy-never',
  family: 'reliability',
  severity: 'warning',
  title: 'A container never pulls its image',
  symptom: 'pods fail with ErrImageNeverPull ("Container image is not present with pull policy of Never") on every node where the image was not loaded by hand',
  why: '`imagePullPolicy: Never` only works where someone preloaded the image (kind load, minikube image load). On a real cluster, any new or replaced node, or a new tag, leaves the pod unable to start.',
  fix: 'Use `IfNotPresent` with a versioned tag (or `Always`), and push the image to a registry the cluster can reach. Keep `Never` in local-only overlays.',
  example: {
    bad: 'image: shop/web:1.4.2\nimagePullPolicy: Never',
    good: 'image: registry.example.com/shop/web:1.4.2\nimagePullPolicy: IfNotPresent',
  },
  peers: {
    kubeScore: ['container-image-pull-policy'],
    polaris: ['pullPolicyNotAlways'],
  },
  check(ws, report) {
    for (const c of ws.containers) {
      if (c.container.imagePullPolicy !== 'Never') continue;
      report({
        at: c,
        path: ['imagePullPolicy'],
        message: `container "${c.name}" of ${c.template.owner.kind} "${c.template.owner.name}" has imagePullPolicy: Never; it starts only on nodes where "${c.image}" was loaded by hand`,
      });
    }
  },
});
