// GitHub Actions passes inputs as INPUT_<NAME> environment variables (name upper-cased, spaces as _).
export function input(name: string, fallback = ''): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

export function booleanInput(name: string, fallback: boolean): boolean {
  const value = input(name, String(fallback)).toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(value)) return true;
  if (['false', 'no', '0', 'off'].includes(value)) return false;
  throw new Error(`input ${name} must be true or false, got "${value}"`);
}

/** A multi-value input: one value a line (or separated by commas). */
export function listInput(name: string): string[] {
  return input(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
