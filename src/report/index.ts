// Format dispatch: every format takes the same scan result.
import type { ReportContext } from './types.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatPretty } from './pretty.js';

export const FORMATS = ['pretty', 'json', 'sarif', 'github', 'html'] as const;
export type FormatName = (typeof FORMATS)[number];

export async function render(format: FormatName, ctx: ReportContext): Promise<string> {
  switch (format) {
    case 'pretty': return formatPretty(ctx);
    case 'json': return formatJson(ctx);
    case 'sarif': return formatSarif(ctx);
    case 'github': return formatGithub(ctx);
    case 'html': return formatHtml(ctx);
  }
}

export type { ReportContext } from './types.js';
