import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/secrets/detectors.js';
import { candidateDetectors, scanText } from '../../src/secrets/scan-text.js';
import { NEGATIVE, POSITIVE } from './samples.js';

describe('credential detectors', () => {
  it('cover at least 30 credential formats besides the generic one', () => {
    expect(DETECTORS.filter((d) => !d.generic).length).toBeGreaterThanOrEqual(30);
    expect(new Set(DETECTORS.map((d) => d.id)).size).toBe(DETECTORS.length);
  });

  it('every detector has positive and negative samples', () => {
    for (const d of DETECTORS) {
      expect(POSITIVE[d.id]?.length ?? 0, `${d.id} positives`).toBeGreaterThan(0);
      expect(NEGATIVE[d.id]?.length ?? 0, `${d.id} negatives`).toBeGreaterThan(0);
    }
  });

  for (const d of DETECTORS) {
    describe(d.id, () => {
      it('finds each positive sample, with the exact secret and span', () => {
        for (const sample of POSITIVE[d.id]) {
          const found = scanText(sample.text).filter((m) => m.detector.id === d.id);
          expect(found.map((m) => m.secret), sample.text).toEqual([sample.secret]);
          expect(sample.text.slice(found[0].start, found[0].end)).toBe(sample.secret);
          expect(found[0].judgement).toBe('real');
        }
      });

      it('reports none of the lookalikes, placeholders and templated values', () => {
        for (const text of NEGATIVE[d.id]) {
          expect(scanText(text).filter((m) => m.detector.id === d.id).map((m) => m.secret), text).toEqual([]);
        }
      });

      it('runs only when one of its keywords occurs (the prefilter lets every positive through)', () => {
        for (const sample of POSITIVE[d.id]) {
          expect(candidateDetectors(sample.text.toLowerCase())).toContain(d);
        }
        expect(candidateDetectors('apiVersion: v1\nkind: ConfigMap\ndata: {}\n')).not.toContain(d.generic ? undefined : d);
      });
    });
  }

  it('reports documentation examples at lower severity (judgement "example")', () => {
    const text = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
    const found = scanText(text);
    expect(found.map((m) => [m.detector.id, m.judgement])).toEqual([
      ['aws-access-key-id', 'example'],
      ['aws-secret-access-key', 'example'],
    ]);
  });

  it('drops filler documentation values entirely', () => {
    expect(scanText('https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX')).toEqual([]);
  });

  it('keeps one match per stretch of text: the specific format wins over the generic detector', () => {
    const token = POSITIVE['github-token'][0].secret;
    const found = scanText(`GITHUB_TOKEN = "${token}"`);
    expect(found.map((m) => m.detector.id)).toEqual(['github-token']);
  });

  it('does not scan binary content', () => {
    expect(scanText(`\u0000\u0001${POSITIVE['github-token'][0].secret}`)).toEqual([]);
  });
});
