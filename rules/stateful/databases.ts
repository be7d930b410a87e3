// Containers that run a database, broker or search server (not a client of one), with their data directory.
import { dataImageOf, type DataImage } from '../../src/workspace/images.js';
import type { ContainerRef } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { containerEnv, type ContainerEnv, type EnvSetting } from './container-env.js';
import { normalisePath } from './storage.js';

export interface ServerContainer {
  c: ContainerRef;
  image: DataImage;
  env: ContainerEnv;
}

/** Tools that ship in server images but make the container a client: backups, migrations, admin jobs. */
const CLIENT_TOOLS = new Set([
  'psql', 'pg_dump', 'pg_dumpall', 'pg_restore', 'pg_basebackup', 'pg_isready', 'pgbench',
  'mysql', 'mysqldump', 'mysqladmin', 'mysqlcheck', 'mysqlpump', 'mariadb', 'mariadb-dump', 'mariadb-admin', 'mariadb-check',
  'mongosh', 'mongo', 'mongodump', 'mongorestore', 'mongoexport', 'mongoimport',
  'kafka-topics', 'kafka-console-consumer', 'kafka-console-producer', 'kafka-configs', 'kafka-consumer-groups',
  'kafka-acls', 'kafka-storage', 'kafka-reassign-partitions', 'curl', 'wget', 'elasticdump',
  // A pod kept alive for `kubectl exec` sessions: a toolbox, not a server.
  'sleep', 'tail',
]);

function baseName(s: string): string {
  return s.split('/').pop()!.replace(/\.sh$/, '');
}

/** Shell scripts that start the server even when they also call a client tool (`until pg_isready; ...; exec docker-entrypoint.sh`). */
const SERVER_START = /docker-entrypoint|entrypoint\.sh|\/run\.sh\b|\bmysqld\b|\bmariadbd\b|\bmongod\b|kafka-server-start|\/docker\/run\b|bin\/elasticsearch\b|bin\/opensearch\b|\bexec\s+postgres\b|\bpostgres\s+-[cD]\b/;

function argvOf(container: any): string[] {
  const command = Array.isArray(container.command) ? container.command.map(String) : [];
  const args = Array.isArray(container.args) ? container.args.map(String) : [];
  return command.length ? [...command, ...args] : args;
}

export function runsClientTool(c: ContainerRef): boolean {
  const argv = argvOf(c.container);
  if (!argv.length) return false;
  const first = baseName(argv[0]);
  // `sh -c "while true; do pg_dump ...; sleep 3600; done"`: judge the script.
  if (/^(sh|bash|ash|dash)$/.test(first)) {
    const i = argv.findIndex((a) => a === '-c' || /^-[a-z]*c$/.test(a));
    const script = i >= 0 ? argv.slice(i + 1).join(' ') : '';
    if (SERVER_START.test(script)) return false;
    return script.split(/[^A-Za-z0-9_.\/-]+/).some((word) => CLIENT_TOOLS.has(baseName(word)));
  }
  return CLIENT_TOOLS.has(first);
}

/** Long-running containers (not Jobs, not plain init containers) whose image is a known server and that run it. */
export function serverContainers(ws: Workspace): ServerContainer[] {
  return ws.memo('stateful:servers', () => {
    const out: ServerContainer[] = [];
    for (const c of ws.containers) {
      if (!c.longRunning || c.template.runsToCompletion) continue;
      const image = dataImageOf(c.image);
      if (!image || runsClientTool(c)) continue;
      out.push({ c, image, env: containerEnv(ws, c) });
    }
    return out;
  });
}

/** A literal value usable as a path: known, non-empty, without `$(VAR)` expansion. */
export function literal(setting: EnvSetting | undefined): string | undefined {
  const v = setting?.value?.trim();
  return v && !v.includes('$(') && !v.includes('${') ? v : undefined;
}

export interface DataDir {
  /** Directories the server writes its data to (Kafka may have several). */
  dirs: string[];
  /** How the directory was decided, for messages: `from PGDATA`, `the image default`... */
  how: string;
}

function argValue(container: any, flag: string): string | undefined {
  const argv = [...(Array.isArray(container.command) ? container.command : []), ...(Array.isArray(container.args) ? container.args : [])].map(String);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag && argv[i + 1]) return argv[i + 1];
    if (argv[i].startsWith(`${flag}=`)) return argv[i].slice(flag.length + 1);
  }
  return undefined;
}

/**
 * Where the server keeps its data. `undefined` when the scan cannot tell (a variable from a Secret, an
 * unknown image layout).
 */
export function dataDirOf(s: ServerContainer): DataDir | undefined {
  const { image, env, c } = s;
  const fromEnv = (name: string, fallback: string | undefined, what = 'the image default'): DataDir | undefined => {
    const setting = env.get(name);
    if (setting) {
      const v = literal(setting);
      return v ? { dirs: v.split(',').map((d) => normalisePath(d)).filter(Boolean), how: `from ${name}` } : undefined;
    }
    if (env.opaque || fallback === undefined) return undefined;
    return { dirs: [fallback], how: what };
  };
  const fromArg = (flag: string, fallback: string): DataDir => {
    const v = argValue(c.container, flag);
    return v ? { dirs: [normalisePath(v)], how: `from ${flag}` } : { dirs: [fallback], how: 'the image default' };
  };
  const bitnami = image.distribution === 'bitnami';
  switch (image.engine) {
    case 'postgres':
      if (bitnami) return fromEnv('POSTGRESQL_VOLUME_DIR', '/bitnami/postgresql');
      if (image.distribution === 'timescale-ha') return fromEnv('PGDATA', '/home/postgres/pgdata/data');
      return fromEnv('PGDATA', image.major !== undefined && image.major >= 18 ? `/var/lib/postgresql/${image.major}/docker` : '/var/lib/postgresql/data');
    case 'mysql':
      return bitnami ? fromEnv('MYSQL_DATA_DIR', '/bitnami/mysql') : fromArg('--datadir', '/var/lib/mysql');
    case 'mariadb':
      return bitnami ? fromEnv('MARIADB_DATA_DIR', '/bitnami/mariadb') : fromArg('--datadir', '/var/lib/mysql');
    case 'mongo':
      return bitnami ? fromEnv('MONGODB_VOLUME_DIR', '/bitnami/mongodb') : fromArg('--dbpath', '/data/db');
    case 'kafka':
      if (bitnami) return fromEnv('KAFKA_CFG_LOG_DIRS', '/bitnami/kafka/data');
      if (image.distribution === 'confluent') return fromEnv('KAFKA_LOG_DIRS', '/var/lib/kafka/data');
      // apache/kafka writes to /tmp unless KAFKA_LOG_DIRS says otherwise.
      if (image.distribution === 'apache') return fromEnv('KAFKA_LOG_DIRS', '/tmp/kraft-combined-logs', 'the image default: KAFKA_LOG_DIRS is not set');
      return fromEnv('KAFKA_LOG_DIRS', undefined) ?? fromEnv('KAFKA_CFG_LOG_DIRS', undefined);
    case 'elasticsearch':
      return bitnami ? fromEnv('ELASTICSEARCH_DATA_DIR', '/bitnami/elasticsearch/data') : fromEnv('path.data', '/usr/share/elasticsearch/data');
    case 'opensearch':
      return fromEnv('path.data', '/usr/share/opensearch/data');
  }
}
