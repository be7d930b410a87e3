// Container image references: registry/path:tag@digest.

export interface ImageRef {
  name: string;
  tag?: string;
  digest?: string;
}

/** A reference still holding a placeholder that a tool substitutes later. */
export function isTemplated(image: string): boolean {
  return /\$\{|\$\(|\{\{|<[^>]*>|%\{/.test(image) || /^\$[A-Za-z_]/.test(image);
}

export function parseImage(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  // A colon after the last slash separates the tag; one before it is a registry port.
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, digest };
}
