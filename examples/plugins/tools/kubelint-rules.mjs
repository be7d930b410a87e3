// @ts-check
// An example kubelint plugin: one rule the platform team of "acme" wants in every repository.
// It imports nothing at run time, so it also works where kubelint is not a dependency of the
// project (npx, the GitHub Action). Editors still check it against kubelint's types.

/** @type {import('kubelint/rules-api').Rule} */
const noNodePortInProd = {
  id: 'no-nodeport-in-prod', // reported as acme/no-nodeport-in-prod
  family: 'networking',
  severity: 'error',
  title: 'Service of type NodePort in a production namespace',
  symptom: 'the service answers on a port of every node, bypassing the ingress controller, its TLS and its rate limits',
  why:
    'In production, traffic enters through the ingress controller or a LoadBalancer. A NodePort opens the same ' +
    'port on every node of the cluster, outside the firewall rules and the audit trail of the ingress.',
  fix: 'Use `type: ClusterIP` behind an Ingress, or `type: LoadBalancer` where the service must be reachable directly.',
  example: {
    bad: 'kind: Service\nmetadata: { name: web, namespace: prod-shop }\nspec:\n  type: NodePort',
    good: 'kind: Service\nmetadata: { name: web, namespace: prod-shop }\nspec:\n  type: ClusterIP',
  },
  check(ws, report, ctx) {
    // Options come from config: rules: { acme/no-nodeport-in-prod: { options: { namespaces: [...] } } }
    const globs = Array.isArray(ctx.options.namespaces) ? ctx.options.namespaces.map(String) : ['prod-*'];
    const production = globs.map((g) => new RegExp(`^${g.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`));
    for (const service of ws.ofKind('Service')) {
      if (service.obj?.spec?.type !== 'NodePort') continue;
      if (!production.some((re) => re.test(service.namespace))) continue;
      report({
        at: service,
        path: 'spec.type',
        message: `Service ${service.name} in ${service.namespace} is a NodePort; production services go through the ingress`,
      });
    }
  },
};

export default { name: 'acme', rules: [noNodePortInProd] };
