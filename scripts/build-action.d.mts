/** Bundle the GitHub Action into `outdir` (see build-action.mjs). */
export function buildAction(outdir: string): Promise<void>;
