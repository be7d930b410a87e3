import { describe, expect, it } from 'vitest';
import { isTemplated, parseImage } from '../../rules/reliability/image-ref.js';

describe('parseImage', () => {
  it.each([
    ['busybox', { name: 'busybox' }],
    ['nginx:1.25', { name: 'nginx', tag: '1.25' }],
    ['registry:5000/team/app', { name: 'registry:5000/team/app' }],
    ['registry:5000/team/app:2.0', { name: 'registry:5000/team/app', tag: '2.0' }],
    ['app@sha256:abc', { name: 'app', digest: 'sha256:abc' }],
    ['app:latest@sha256:abc', { name: 'app', tag: 'latest', digest: 'sha256:abc' }],
  ])('%s', (image, expected) => {
    expect(parseImage(image)).toEqual({ digest: undefined, ...expected });
  });

  it('recognises placeholders', () => {
    expect(isTemplated('repo/app:${TAG}')).toBe(true);
    expect(isTemplated('$IMAGE')).toBe(true);
    expect(isTemplated('repo/app:{{ .Values.tag }}')).toBe(true);
    expect(isTemplated('repo/app:1.0')).toBe(false);
  });
});
