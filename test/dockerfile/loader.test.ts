import { beforeAll, describe, expect, it } from 'vitest';
import { isDockerfilePath, loadDockerfile, loadDockerfileParser, type DockerfileUnit } from '../../src/sources/dockerfile.js';
import { LineIndex } from '../../src/util/lines.js';

// The parser is imported on demand (a scan does it through prepareLoaders).
beforeAll(() => loadDockerfileParser());

function load(text: string, path = 'svc/Dockerfile') {
  const file = { path, text };
  const result = loadDockerfile(file);
  return { unit: result.units[0] as DockerfileUnit, problems: result.problems, idx: new LineIndex(text) };
}

const GO = `# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22
ARG TARGETARCH
FROM --platform=$BUILDPLATFORM golang:\${GO_VERSION} AS build
ARG TARGETOS TARGETARCH=amd64
WORKDIR /src
RUN --mount=type=cache,target=/root/.cache \\
    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .
ENV A=1 B="two words" \\
    C=3
FROM gcr.io/distroless/static:nonroot
COPY --from=build /out/app /app
USER 65532
`;

describe('Dockerfile loader', () => {
  it('recognises Dockerfile names', () => {
    for (const p of ['Dockerfile', 'a/Dockerfile.prod', 'api.Dockerfile', 'Containerfile', 'x/containerfile']) expect(isDockerfilePath(p)).toBe(true);
    for (const p of ['Dockerfile.dockerignore', 'docs/Dockerfile.md', 'dockerfiles.yaml', 'MyDockerfileNotes']) expect(isDockerfilePath(p)).toBe(false);
  });

  it('builds stages with platform flags, images and names', () => {
    const { unit, problems } = load(GO);
    expect(problems).toEqual([]);
    expect(unit.stages).toHaveLength(2);
    const [build, final] = unit.stages;
    expect(build.name).toBe('build');
    expect(build.platform?.value).toBe('$BUILDPLATFORM');
    expect(build.image).toBe('golang:${GO_VERSION}');
    expect(build.resolvedImage).toBe('golang:1.22');
    expect(final.resolvedImage).toBe('gcr.io/distroless/static:nonroot');
    expect(unit.finalStage).toBe(final);
    expect(unit.dir).toBe('svc');
  });

  it('declares one ARG per word and keeps defaults', () => {
    const { unit } = load(GO);
    expect(unit.globalArgs.map((a) => [a.name, a.default])).toEqual([['GO_VERSION', '1.22'], ['TARGETARCH', undefined]]);
    expect(unit.stages[0].args.map((a) => [a.name, a.default])).toEqual([['TARGETOS', undefined], ['TARGETARCH', 'amd64']]);
  });

  it('scopes ARGs per stage: a global ARG is visible in a stage only when re-declared', () => {
    const { unit } = load(GO);
    const run = unit.instructions.findIndex((i) => i.keyword === 'RUN');
    const copy = unit.instructions.findIndex((i) => i.keyword === 'COPY');
    expect(unit.isDefined('TARGETARCH', run)).toBe(true);
    expect(unit.isDefined('GO_VERSION', run)).toBe(false);
    expect(unit.isDefined('TARGETARCH', copy)).toBe(false);
    expect(unit.lookup('A', copy)).toBeUndefined();
    expect(unit.expand('go${GO_VERSION:-x}', run)).toBe('gox');
  });

  it('maps instruction and flag paths to the right lines and columns', () => {
    const { unit, idx } = load(GO);
    const from = unit.stages[0].from;
    expect(idx.position(unit.locate(['instructions', from]).start)).toEqual({ line: 4, column: 1 });
    expect(idx.position(unit.locate(['instructions', from, 'flag', 'platform']).start)).toEqual({ line: 4, column: 6 });
    expect(idx.position(unit.locate(['instructions', from, 'flag', 'platform'], 'value').start)).toEqual({ line: 4, column: 17 });
    expect(idx.position(unit.locate(['instructions', from, 'image']).start)).toEqual({ line: 4, column: 32 });
    const run = unit.instructions.find((i) => i.keyword === 'RUN')!;
    expect(run.line).toBe(7);
    expect(run.args).toContain('GOARCH=$TARGETARCH go build');
    expect(idx.position(unit.locate(['stages', 1]).start)).toEqual({ line: 11, column: 1 });
  });

  it('reads ENV values with exact spans, including continuation lines', () => {
    const { unit, idx } = load(GO);
    const env = unit.instructions.find((i) => i.keyword === 'ENV')!;
    expect(env.properties.map((p) => [p.name, p.value])).toEqual([['A', '1'], ['B', 'two words'], ['C', '3']]);
    expect(idx.position(unit.locate(['instructions', env.index, 'property', 2]).start)).toEqual({ line: 10, column: 7 });
  });

  it('handles CRLF line endings', () => {
    const { unit, idx } = load('FROM alpine:3.20\r\nRUN echo hi\r\nUSER app\r\n');
    expect(idx.position(unit.locate(['instructions', 2]).start)).toEqual({ line: 3, column: 1 });
  });

  it('reports what Docker cannot build as dockerfile-syntax', () => {
    const cases: [string, RegExp][] = [
      ['', /no instructions/],
      ['# only a comment\n', /no instructions/],
      ['RUN echo hi\n', /before the first FROM/],
      ['FROM alpine:3.20\nFOO bar\n', /Unknown instruction "FOO"/],
      ['FROM alpine:3.20\nENV ONLYNAME\n', /ENV ONLYNAME has no value/],
      ['FROM alpine:3.20\nRUN <<EOF\necho hi\n', /never closed/],
      ['FROM alpine:3.20 AS\n', /FROM takes/],
      ['FROM alpine:3.20\nWORKDIR\n', /no arguments/],
      ['ARG 1X=2\nFROM alpine:3.20\n', /not a valid name/],
    ];
    for (const [text, re] of cases) {
      const { problems } = load(text);
      expect(problems.map((p) => p.message).join('\n'), text).toMatch(re);
      expect(problems.every((p) => p.ruleId === 'dockerfile-syntax')).toBe(true);
    }
  });

  it('accepts heredocs, lower-case keywords and ONBUILD', () => {
    const { problems } = load('from alpine:3.20\nRUN <<EOF\necho hi\nEOF\nONBUILD RUN echo x\nrun echo done\n');
    expect(problems).toEqual([]);
  });

  it('links a stage built on an earlier stage', () => {
    const { unit } = load('FROM node:20 AS base\nUSER node\nFROM base AS final\nRUN npm ci\n');
    expect(unit.stages[1].parent).toBe(0);
  });
});
