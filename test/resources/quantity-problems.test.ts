import { describe, expect, it } from 'vitest';
import { quantityProblem } from '../../rules/resources/resource-quantity-suspicious.js';

describe('quantityProblem', () => {
  it.each([
    ['memory', 'limits', '512m', /0\.512 bytes.*512Mi/],
    ['memory', 'requests', '1.5m', /milli/],
    ['ephemeral-storage', 'requests', '100m', /0\.1 bytes/],
    ['memory', 'limits', 512, /only 512 bytes.*write 512Mi/],
    ['memory', 'limits', '3Mi', /under 4Mi/],
    ['memory', 'limits', 0, /under 4Mi/],
    ['cpu', 'requests', '1500', /1500 cores.*1500m/],
    ['cpu', 'limits', 100, /100 cores/],
    ['cpu', 'limits', '1e3', /1000 cores/],
    ['memory', 'limits', '1.5GB', /not a valid quantity/],
    ['cpu', 'requests', '100 m', /not a valid quantity/],
    ['memory', 'limits', 'Mi', /no digits/],
    ['cpu', 'requests', '-1', /negative/],
    ['nvidia.com/gpu', 'limits', 'one', /not a valid quantity/],
  ])('%s %s %j is reported', (name, section, raw, message) => {
    expect(quantityProblem(name, section as 'requests' | 'limits', raw)).toMatch(message);
  });

  it.each([
    ['memory', 'limits', '512Mi'],
    ['memory', 'limits', '1G'],
    ['memory', 'limits', '4Mi'],
    ['memory', 'limits', 4194304],
    ['memory', 'requests', 0],
    ['cpu', 'requests', '64'],
    ['cpu', 'requests', 0.25],
    ['cpu', 'limits', '1500m'],
    ['cpu', 'limits', '5e-1'],
    ['ephemeral-storage', 'limits', '2Gi'],
    ['nvidia.com/gpu', 'limits', 1],
  ])('%s %s %j is plausible', (name, section, raw) => {
    expect(quantityProblem(name, section as 'requests' | 'limits', raw)).toBeUndefined();
  });
});
