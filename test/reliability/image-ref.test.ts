import { describe, expect, it } from 'vitest';
import { isTemplated, parseImage } from '../../src/workspace/images.js';

describe('parseImage (as image-tag-mutable reads it)', () => {
  it.each([
    ['busybox', { path: 'busybox' }],
    ['nginx:1.25', { path: 'nginx', tag: '1.25' }],
    ['registry:5000/team/app', { path: 'registry:5000/team/app' }],
    ['registry:5000/team/app:2.0', { path: 'registry:5000/team/app', tag: '2.0' }],
    ['app@sha256:abc', { path: 'app', digest: 'sha256:abc' }],
    ['app:latest@sha256:abc', { path: 'app', tag: 'latest', digest: 'sha256:abc' }],
  ])('%s', (image, expected) => {
    const ref = parseImage(image);
    expect({ path: ref.path, tag: ref.tag, digest: ref.digest }).toEqual({ tag: undefined, digest: undefined, ...expected });
  });

  it('recognises placeholders', () => {
    expect(isTemplated('repo/app:${TAG}')).toBe(true);
    expect(isTemplated('$IMAGE')).toBe(true);
    expect(isTemplated('repo/app:{{ .Values.tag }}')).toBe(true);
    expect(isTemplated('repo/app:1.0')).toBe(false);
  });
});
