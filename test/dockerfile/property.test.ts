import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDockerfile, loadDockerfileParser, type DockerfileUnit } from '../../src/sources/dockerfile.js';
import { findDockerBuilds } from '../../src/sources/scripts.js';

// The parser is imported on demand (a scan does it through prepareLoaders).
beforeAll(() => loadDockerfileParser());

const line = fc.oneof(
  fc.constantFrom('FROM alpine:3.20', 'FROM --platform=$BUILDPLATFORM golang:1.22 AS b', 'ARG A B=1', 'ENV X=1 \\', 'RUN <<EOF', 'EOF', 'USER 0', 'COPY --from=b /a /b', '# c', '', '\\'),
  fc.string({ maxLength: 40 }),
);

describe('parsers on arbitrary input', () => {
  it('the Dockerfile loader never throws and locates every instruction inside the text', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const { units } = loadDockerfile({ path: 'Dockerfile', text });
        const unit = units[0] as DockerfileUnit;
        unit.instructions.forEach((ins, i) => {
          const span = unit.locate(['instructions', i, 'flag', 'platform']);
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(text.length);
          expect(ins.span.start).toBeLessThanOrEqual(ins.span.end);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('the shell reader never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const b of findDockerBuilds(`docker buildx build ${text}`)) expect(b.span.end).toBeLessThanOrEqual(text.length + 20);
      }),
      { numRuns: 1000 },
    );
  });
});
