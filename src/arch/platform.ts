// CPU architectures as Docker, Kubernetes and CI runners name them.

/** Canonical GOARCH-style names: amd64, arm64, arm, 386, ppc64le, s390x, riscv64. */
const ALIASES: Record<string, string> = {
  amd64: 'amd64', x86_64: 'amd64', 'x86-64': 'amd64', x64: 'amd64',
  arm64: 'arm64', aarch64: 'arm64', armv8: 'arm64', arm64v8: 'arm64',
  arm: 'arm', armhf: 'arm', armel: 'arm', armv7: 'arm', armv6: 'arm', arm32v7: 'arm', arm32v6: 'arm',
  '386': '386', i386: '386', i686: '386', x86: '386',
  ppc64le: 'ppc64le', s390x: 's390x', riscv64: 'riscv64', mips64le: 'mips64le', loong64: 'loong64',
};

/** `linux/arm64/v8`, `arm64`, `aarch64` -> `arm64`; undefined for what is not an architecture. */
export function normalizeArch(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  if (!t) return undefined;
  const parts = t.split('/');
  // os/arch[/variant] or a bare arch.
  const arch = parts.length >= 2 ? parts[1] : parts[0];
  return ALIASES[arch];
}

export interface PlatformList {
  archs: string[];
  /** Entries that are not literal platforms (`$VAR`, `local`, expressions). */
  unknown: string[];
}

/** A comma/newline separated platform list as written in `platforms:` or `--platform`. */
export function parsePlatformList(text: string): PlatformList {
  const archs: string[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const item = raw.trim().replace(/^["']|["']$/g, '');
    if (!item) continue;
    const arch = normalizeArch(item);
    if (arch) {
      if (!archs.includes(arch)) archs.push(arch);
    } else unknown.push(item);
  }
  return { archs, unknown };
}

/** `linux/amd64, linux/arm64` for messages. */
export function formatArchs(archs: string[]): string {
  return archs.map((a) => `linux/${a === 'arm' ? 'arm/v7' : a}`).join(',');
}

/**
 * The architecture a GitHub-hosted runner label runs on: `ubuntu-24.04-arm` and `macos-14` are arm64,
 * `ubuntu-latest`, `windows-*` and `macos-13` (Intel) are amd64. Self-hosted labels say `ARM64`/`X64`.
 */
export function runnerArch(labels: string[]): string | undefined {
  const lower = labels.map((l) => l.toLowerCase());
  for (const l of lower) {
    if (l.includes('${{')) return undefined;
    if (l === 'arm64' || l === 'aarch64') return 'arm64';
    if (l === 'x64' || l === 'amd64' || l === 'x86_64') return 'amd64';
  }
  for (const l of lower) {
    if (/^ubuntu-.*-arm(64)?$/.test(l) || /^windows-.*-arm(64)?$/.test(l)) return 'arm64';
    if (/^ubuntu-/.test(l) || /^windows-/.test(l)) return 'amd64';
    if (/^macos-/.test(l)) return /^macos-(1[0-3])(-large)?$/.test(l) || /-large$/.test(l) || /-intel$/.test(l) ? 'amd64' : 'arm64';
  }
  return undefined;
}
