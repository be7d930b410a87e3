// Image references and the patterns CI tags make of them, for linking builds to workloads.

/** `ghcr.io/acme/api:1.2@sha256:...` -> `ghcr.io/acme/api`; Docker Hub short names get `docker.io/library/`. */
export function imageRepository(ref: string): string {
  let r = ref.trim();
  const at = r.indexOf('@');
  if (at >= 0) r = r.slice(0, at);
  const slash = r.lastIndexOf('/');
  const colon = r.lastIndexOf(':');
  if (colon > slash) r = r.slice(0, colon);
  return normalizeRepository(r);
}

function normalizeRepository(repo: string): string {
  const r = repo.toLowerCase();
  const first = r.split('/')[0];
  const hasRegistry = r.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return r.replace(/^(index\.)?docker\.io\//, 'docker.io/');
  return r.includes('/') ? `docker.io/${r}` : `docker.io/library/${r}`;
}

/** The tag part of a reference, or undefined (`:latest` implied). */
export function imageTag(ref: string): string | undefined {
  const r = ref.split('@')[0];
  const slash = r.lastIndexOf('/');
  const colon = r.lastIndexOf(':');
  return colon > slash ? r.slice(colon + 1) : undefined;
}

export function imageDigest(ref: string): string | undefined {
  const at = ref.indexOf('@');
  return at >= 0 ? ref.slice(at + 1) : undefined;
}

/**
 * A repository a build pushes, possibly with unresolved `${{ }}` pieces that match anything.
 * Patterns without enough literal text to mean something (`${{ steps.meta.outputs.tags }}`) are dropped.
 */
export interface RepositoryPattern {
  text: string;
  regex: RegExp;
  exact: boolean;
}

export function repositoryPattern(tag: string): RepositoryPattern | undefined {
  const t = tag.trim();
  if (!t) return undefined;
  const pieces = t.split(/(\$\{\{[\s\S]*?\}\}|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*)/);
  const literal = pieces.filter((_, i) => i % 2 === 0).join('');
  if (pieces.length === 1) return { text: imageRepository(t), regex: exactRegex(imageRepository(t)), exact: true };
  // Drop the tag part: everything after the last ':' that follows the last '/' (outside the expressions).
  const masked = t.replace(/\$\{\{[\s\S]*?\}\}|\$\{[^}]*\}/g, (m) => '_'.repeat(m.length));
  const slash = masked.lastIndexOf('/');
  const colon = masked.lastIndexOf(':');
  const repoText = colon > slash ? t.slice(0, colon) : t;
  const repoPieces = repoText.split(/(\$\{\{[\s\S]*?\}\}|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*)/);
  const repoLiteral = repoPieces.filter((_, i) => i % 2 === 0).join('').replace(/[/:.-]/g, '');
  if (repoLiteral.length < 2 || !literal) return undefined;
  const source = repoPieces.map((p, i) => (i % 2 === 0 ? p.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '.+')).join('');
  // The workload side is normalised with docker.io/; allow the pattern to match with or without it.
  return { text: repoText, regex: new RegExp(`^(?:docker\\.io/(?:library/)?)?${source}$`), exact: false };
}

function exactRegex(repo: string): RegExp {
  return new RegExp(`^${repo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

export function matchesRepository(pattern: RepositoryPattern, imageRef: string): boolean {
  const repo = imageRepository(imageRef);
  if (pattern.exact) return pattern.regex.test(repo);
  return pattern.regex.test(repo) || pattern.regex.test(repo.replace(/^docker\.io\/(library\/)?/, ''));
}
