// Container image references: split into registry, repository, tag and digest, and recognise the
// images of well-known stateful services (databases, brokers, search engines) with their data layout.

export interface ImageRef {
  raw: string;
  /** The reference as written, without tag and digest: `registry:5000/team/app`. */
  path: string;
  /** Registry host when the reference names one (`registry.example.com`, `localhost:5000`). */
  registry?: string;
  /** Repository path without registry, with Docker Hub's implicit `library/` removed: `postgres`, `bitnami/kafka`. */
  repository: string;
  /** Last path segment of the repository: `postgres`, `kafka`, `cp-kafka`. */
  name: string;
  /** First path segment when the repository has several (`bitnami`, `confluentinc`), else undefined. */
  owner?: string;
  tag?: string;
  digest?: string;
}

/** A reference still holding a placeholder that a tool substitutes later (`${TAG}`, `{{ }}`, `$IMAGE`). */
export function isTemplated(image: string): boolean {
  return /\$\{|\$\(|\{\{|<[^>]*>|%\{/.test(image) || /^\$[A-Za-z_]/.test(image);
}

/** Parse `[registry/]path[:tag][@digest]` the way Docker does. Template placeholders parse as whatever they look like. */
export function parseImage(raw: string): ImageRef {
  let rest = raw.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  // A colon after the last slash separates the tag; one before it is a registry port.
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const path = rest;
  let segments = rest.split('/').filter((s) => s !== '');
  let registry: string | undefined;
  // The first segment is a registry when it looks like a host: a dot, a port, or `localhost`.
  if (segments.length > 1 && (/[.:]/.test(segments[0]) || segments[0] === 'localhost')) {
    registry = segments[0];
    segments = segments.slice(1);
  }
  if (segments.length > 1 && segments[0] === 'library') segments = segments.slice(1);
  // Docker Hub mirrors on other registries keep the `docker/library/` or `dockerhub/library/` prefix.
  if (segments.length > 2 && segments[segments.length - 2] === 'library') segments = segments.slice(-1);
  const repository = segments.join('/').toLowerCase();
  const name = segments.length ? segments[segments.length - 1].toLowerCase() : '';
  return {
    raw,
    path,
    registry,
    repository,
    name,
    owner: segments.length > 1 ? segments[0].toLowerCase() : undefined,
    tag,
    digest,
  };
}

/**
 * The major version a tag starts with (`16.2-alpine` -> 16, `4.0.0` -> 4, `pg16` -> 16,
 * `2.14.2-pg16` -> 16 when `prefix` is `pg`). Undefined for `latest`, digests or anything else.
 */
export function majorVersion(tag: string | undefined, prefix?: string): number | undefined {
  if (!tag) return undefined;
  if (prefix) {
    const m = new RegExp(`(?:^|[^a-z])${prefix}(\\d+)`, 'i').exec(tag);
    if (m) return Number(m[1]);
  }
  const m = /^v?(\d+)(?:[.\-_]|$)/.exec(tag);
  return m ? Number(m[1]) : undefined;
}

export type DataEngine = 'postgres' | 'mysql' | 'mariadb' | 'mongo' | 'kafka' | 'elasticsearch' | 'opensearch';

/** What kubelint knows about a stateful service image. */
export interface DataImage {
  engine: DataEngine;
  /** Who built it: the layout (data directory, env names) differs between distributions. */
  distribution: 'official' | 'bitnami' | 'confluent' | 'apache' | 'timescale-ha' | 'unknown';
  image: ImageRef;
  /** Major version of the engine, when the tag says. */
  major?: number;
}

interface Known {
  engine: DataEngine;
  distribution: DataImage['distribution'];
  /** Where in the tag the engine's major version is (`pg` for `2.14.2-pg16`). */
  versionPrefix?: string;
}

/** Repositories (without registry) of stateful images with a known layout. */
const KNOWN_REPOSITORIES: Record<string, Known> = {
  postgres: { engine: 'postgres', distribution: 'official' },
  // Images built FROM the official postgres image keep its entrypoint, PGDATA and volume.
  'postgis/postgis': { engine: 'postgres', distribution: 'official' },
  'timescale/timescaledb': { engine: 'postgres', distribution: 'official', versionPrefix: 'pg' },
  'pgvector/pgvector': { engine: 'postgres', distribution: 'official', versionPrefix: 'pg' },
  'ankane/pgvector': { engine: 'postgres', distribution: 'official' },
  'timescale/timescaledb-ha': { engine: 'postgres', distribution: 'timescale-ha', versionPrefix: 'pg' },
  'bitnami/postgresql': { engine: 'postgres', distribution: 'bitnami' },
  'bitnami/postgresql-repmgr': { engine: 'postgres', distribution: 'bitnami' },
  mysql: { engine: 'mysql', distribution: 'official' },
  'mysql/mysql-server': { engine: 'mysql', distribution: 'official' },
  percona: { engine: 'mysql', distribution: 'official' },
  'percona/percona-server': { engine: 'mysql', distribution: 'official' },
  'bitnami/mysql': { engine: 'mysql', distribution: 'bitnami' },
  mariadb: { engine: 'mariadb', distribution: 'official' },
  'bitnami/mariadb': { engine: 'mariadb', distribution: 'bitnami' },
  mongo: { engine: 'mongo', distribution: 'official' },
  'mongodb/mongodb-community-server': { engine: 'mongo', distribution: 'official' },
  'mongodb/mongodb-enterprise-server': { engine: 'mongo', distribution: 'official' },
  'bitnami/mongodb': { engine: 'mongo', distribution: 'bitnami' },
  'apache/kafka': { engine: 'kafka', distribution: 'apache' },
  'apache/kafka-native': { engine: 'kafka', distribution: 'apache' },
  'confluentinc/cp-kafka': { engine: 'kafka', distribution: 'confluent' },
  'confluentinc/cp-server': { engine: 'kafka', distribution: 'confluent' },
  'bitnami/kafka': { engine: 'kafka', distribution: 'bitnami' },
  elasticsearch: { engine: 'elasticsearch', distribution: 'official' },
  'elasticsearch/elasticsearch': { engine: 'elasticsearch', distribution: 'official' },
  'bitnami/elasticsearch': { engine: 'elasticsearch', distribution: 'bitnami' },
  'opensearchproject/opensearch': { engine: 'opensearch', distribution: 'official' },
};

/** Docker Hub library names: a mirror (`registry.example.com/mirror/postgres`) is the same image. */
const LIBRARY_NAMES: Record<string, DataEngine> = {
  postgres: 'postgres', mysql: 'mysql', mariadb: 'mariadb', mongo: 'mongo', elasticsearch: 'elasticsearch',
};

/** Bitnami publishes under several Docker Hub organisations since 2025. */
const BITNAMI_OWNERS = new Set(['bitnami', 'bitnamilegacy', 'bitnamisecure']);

export function dataImageOf(rawImage: string): DataImage | undefined {
  if (!rawImage) return undefined;
  const image = parseImage(rawImage);
  let repo = image.repository;
  if (image.owner && BITNAMI_OWNERS.has(image.owner)) repo = `bitnami/${image.name}`;
  let known = KNOWN_REPOSITORIES[repo];
  if (!known) {
    // Mirrors and rebuilds keep the upstream path after a prefix: `mirror/bitnami/kafka`, `proxy/apache/kafka`.
    const tail2 = repo.split('/').slice(-2).join('/');
    if (tail2 !== repo && KNOWN_REPOSITORIES[tail2] && tail2.includes('/')) known = KNOWN_REPOSITORIES[tail2];
  }
  if (!known && LIBRARY_NAMES[image.name]) known = { engine: LIBRARY_NAMES[image.name], distribution: 'official' };
  if (!known && image.name === 'kafka') known = { engine: 'kafka', distribution: 'unknown' };
  if (!known) return undefined;
  return { engine: known.engine, distribution: known.distribution, image, major: majorVersion(image.tag, known.versionPrefix) };
}

/** An image built from the official postgres image (its entrypoint runs initdb into PGDATA). */
export function isOfficialPostgres(rawImage: string): boolean {
  const d = dataImageOf(rawImage);
  return d?.engine === 'postgres' && d.distribution === 'official';
}
