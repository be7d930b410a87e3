// Rule metadata rendered as Markdown: one source for docs/rules, SARIF help and `explain`.
import type { Rule } from '../engine/rule.js';

export function peerList(rule: Rule): string[] {
  const p = rule.peers ?? {};
  return [
    ...(p.kubeLinter ?? []).map((c) => `kube-linter \`${c}\``),
    ...(p.polaris ?? []).map((c) => `Polaris \`${c}\``),
    ...(p.kubeScore ?? []).map((c) => `kube-score \`${c}\``),
    ...(p.hadolint ?? []).map((c) => `hadolint \`${c}\``),
    ...(p.gitleaks ?? []).map((c) => `gitleaks \`${c}\``),
  ];
}

export function ruleMarkdown(rule: Rule, heading = '#'): string {
  const parts = [
    `${heading} ${rule.id}`,
    '',
    `**${rule.title}** — family \`${rule.family}\`, default severity \`${rule.severity}\`${rule.origin && rule.origin !== 'builtin' ? `, from \`${rule.origin}\`` : ''}.`,
    '',
    `${heading}# Symptom`,
    '',
    capitalise(rule.symptom) + '.',
    '',
    `${heading}# Why`,
    '',
    rule.why,
    '',
    `${heading}# Fix`,
    '',
    rule.fix,
  ];
  if (rule.example) {
    parts.push('', `${heading}# Example`, '', 'Fires on:', '', '```yaml', rule.example.bad, '```', '', 'Silent on:', '', '```yaml', rule.example.good, '```');
  }
  const peers = peerList(rule);
  if (peers.length) parts.push('', `${heading}# Equivalent checks`, '', `Covers ${peers.join(', ')}; their ignore annotations are honoured too.`);
  if (rule.notes) parts.push('', `${heading}# Notes`, '', rule.notes);
  parts.push(
    '',
    `${heading}# Suppress`,
    '',
    `Annotation \`kubelint.dev/ignore: "${rule.id}"\` on the object, or a comment \`# kubelint-ignore ${rule.id} -- reason\` on the line or the line above.`,
  );
  return parts.join('\n') + '\n';
}

function capitalise(s: string): string {
  const t = s.replace(/\.$/, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}
