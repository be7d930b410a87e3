// Errors that end a run with exit status 2 and a plain message (no stack): bad usage,
// configuration or baseline. Kept in a tiny module so the CLI entry can test for them cheaply.
export class KubelintError extends Error {}
