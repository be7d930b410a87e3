// The nodes a declarative rule checks: objects, pod specs or containers, filtered by kind,
// namespace and a label selector on the object.
import type { Locatable } from '../../model.js';
import type { CustomRuleMatch } from '../../config/types.js';
import type { K8sObject } from '../../workspace/types.js';
import type { Workspace } from '../../workspace/workspace.js';
import { evaluateSelector } from '../../workspace/selectors.js';

export interface MatchedNode {
  /** What the finding is reported against; failing paths are relative to it. */
  at: Locatable;
  /** The plain data the schema validates. */
  node: unknown;
  object: K8sObject;
  container?: string;
}

export function matchedNodes(ws: Workspace, match: CustomRuleMatch = {}): MatchedNode[] {
  const accepts = objectFilter(match);
  switch (match.scope ?? 'object') {
    case 'object':
      return ws.objects.filter(accepts).map((o) => ({ at: o, node: o.obj, object: o }));
    case 'podSpec':
      return ws.podTemplates.filter((t) => accepts(t.owner)).map((t) => ({ at: t, node: t.spec, object: t.owner }));
    case 'container':
      return ws.containers
        .filter((c) => accepts(c.template.owner))
        .map((c) => ({ at: c, node: c.container, object: c.template.owner, container: c.name }));
  }
}

function objectFilter(match: CustomRuleMatch): (o: K8sObject) => boolean {
  const kinds = match.kinds ? new Set(match.kinds) : undefined;
  const namespaces = match.namespaces?.map(globToRegExp);
  const selector = match.labelSelector;
  return (o) =>
    (!kinds || kinds.has(o.kind)) &&
    // Cluster-scoped objects have no namespace, so a namespace filter never selects them.
    (!namespaces || (o.namespace !== '' && namespaces.some((re) => re.test(o.namespace)))) &&
    (!selector || evaluateSelector(selector, o.labels).matches);
}

/** `prod-*` -> /^prod-.*$/; `?` is one character. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}
