// Label selectors as Kubernetes evaluates them: matchLabels plus matchExpressions.

export interface SelectorFailure {
  kind: 'label' | 'expression';
  key: string;
  expected: string;
  /** Index in matchExpressions, for expressions. */
  index: number;
}

export interface SelectorResult {
  matches: boolean;
  /** Requirements that the labels do not satisfy. */
  failures: SelectorFailure[];
  /** Number of requirements that hold. */
  satisfied: number;
  total: number;
}

export function evaluateSelector(selector: any, labels: Record<string, string>): SelectorResult {
  const failures: SelectorFailure[] = [];
  let satisfied = 0;
  let total = 0;
  const matchLabels = selector?.matchLabels;
  if (matchLabels && typeof matchLabels === 'object') {
    for (const [key, value] of Object.entries(matchLabels)) {
      total++;
      if (labels[key] === String(value)) satisfied++;
      else failures.push({ kind: 'label', key, expected: String(value), index: -1 });
    }
  }
  const exprs = selector?.matchExpressions;
  if (Array.isArray(exprs)) {
    exprs.forEach((e: any, index: number) => {
      if (!e || typeof e !== 'object') return;
      total++;
      const key = String(e.key);
      const values: string[] = Array.isArray(e.values) ? e.values.map(String) : [];
      const has = key in labels;
      let ok: boolean;
      switch (e.operator) {
        case 'In': ok = has && values.includes(labels[key]); break;
        case 'NotIn': ok = !has || !values.includes(labels[key]); break;
        case 'Exists': ok = has; break;
        case 'DoesNotExist': ok = !has; break;
        default: ok = true;
      }
      if (ok) satisfied++;
      else failures.push({ kind: 'expression', key, expected: `${e.operator} ${values.join(',')}`.trim(), index });
    });
  }
  return { matches: failures.length === 0, failures, satisfied, total };
}

/** A plain map selector (Service spec.selector) against labels. */
export function mapSelectorMatches(selector: Record<string, unknown>, labels: Record<string, string>): SelectorResult {
  return evaluateSelector({ matchLabels: selector }, labels);
}
