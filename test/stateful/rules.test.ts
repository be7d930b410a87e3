// Stateful rules on small manifests: env from ConfigMaps, images without fixtures of their own, edge cases.
import { describe, expect, it } from 'vitest';
import { findings, lineOf } from '../networking/helpers.js';

interface Pod {
  kind?: string;
  image: string;
  env?: string;
  envFrom?: string;
  extra?: string;
  mounts?: string;
  volumes?: string;
  claimTemplates?: string[];
}

/** A workload in namespace data with one container; `mounts`/`volumes` are YAML flow lists. */
function workload(p: Pod): string {
  const kind = p.kind ?? 'StatefulSet';
  const spec = `      containers:
        - name: server
          image: ${p.image}
${p.extra ?? ''}${p.env ? `          env: ${p.env}\n` : ''}${p.envFrom ? `          envFrom: ${p.envFrom}\n` : ''}${p.mounts ? `          volumeMounts: ${p.mounts}\n` : ''}${p.volumes ? `      volumes: ${p.volumes}\n` : ''}`;
  if (kind === 'Job') {
    return `apiVersion: batch/v1\nkind: Job\nmetadata: { name: server, namespace: data }\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n${spec}`;
  }
  const templates = (p.claimTemplates ?? [])
    .map((n) => `    - metadata: { name: ${n} }\n      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }\n`)
    .join('');
  return `apiVersion: apps/v1
kind: ${kind}
metadata: { name: server, namespace: data }
spec:
  ${kind === 'StatefulSet' ? 'serviceName: server\n  ' : ''}selector: { matchLabels: { app: server } }
  template:
    metadata: { labels: { app: server } }
    spec:
${spec}${templates ? `  volumeClaimTemplates:\n${templates}` : ''}`;
}

const claim = (name: string) => `[{ name: ${name}, persistentVolumeClaim: { claimName: ${name} } }]`;

describe('postgres-pgdata-missing', () => {
  const rule = ['postgres-pgdata-missing'];

  it('reads PGDATA from a configMapKeyRef', async () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: pg, namespace: data }\ndata: { datadir: /var/lib/postgresql/data }\n';
    const w = workload({
      image: 'postgres:15.8',
      env: '[{ name: PGDATA, valueFrom: { configMapKeyRef: { name: pg, key: datadir } } }]',
      mounts: '[{ name: data, mountPath: /var/lib/postgresql/data }]',
      claimTemplates: ['data'],
    });
    const hits = await findings({ 'cm.yaml': cm, 'w.yaml': w }, rule);
    expect(hits.map((h) => h.line)).toEqual([lineOf(w, 'env:')]);
  });

  it('stays silent when PGDATA may come from an envFrom source outside the scan', async () => {
    const w = workload({ image: 'postgres:15.8', envFrom: '[{ configMapRef: { name: pg-env } }]', mounts: '[{ name: data, mountPath: /var/lib/postgresql/data }]', claimTemplates: ['data'] });
    expect(await findings({ 'w.yaml': w }, rule)).toEqual([]);
  });

  it('leaves emptyDir and hostPath mounts to database-without-persistence', async () => {
    const w = workload({
      kind: 'Deployment',
      image: 'postgres:15.8',
      mounts: '[{ name: data, mountPath: /var/lib/postgresql/data }]',
      volumes: '[{ name: data, emptyDir: {} }]',
    });
    expect(await findings({ 'w.yaml': w }, rule)).toEqual([]);
  });

  it('also fires for a claim at another path when PGDATA names that mount point', async () => {
    const w = workload({ kind: 'Deployment', image: 'postgres:15.8', env: '[{ name: PGDATA, value: /pgdata }]', mounts: '[{ name: data, mountPath: /pgdata }]', volumes: claim('data') });
    expect((await findings({ 'w.yaml': w }, rule)).map((h) => h.message)).toEqual([expect.stringContaining('PGDATA is /pgdata, the mount point of volume "data"')]);
  });

  it('warns about the postgres 18 layout when the tag does not say the version', async () => {
    const w = workload({ image: 'postgres:latest', mounts: '[{ name: data, mountPath: /var/lib/postgresql/data }]', claimTemplates: ['data'] });
    const [hit] = await findings({ 'w.yaml': w }, rule);
    expect(hit.message).toContain('postgres 18+ images refuse a volume at this path');
  });
});

describe('kafka-cluster-id-unpinned', () => {
  const rule = ['kafka-cluster-id-unpinned'];
  const roles = '{ name: KAFKA_PROCESS_ROLES, value: "broker,controller" }';

  it('needs persistent storage: an emptyDir broker loses its id together with its data', async () => {
    const w = workload({ image: 'apache/kafka:3.9.0', env: `[${roles}]`, mounts: '[{ name: data, mountPath: /var/lib/kafka/data }]', volumes: '[{ name: data, emptyDir: {} }]' });
    expect(await findings({ 'w.yaml': w }, rule)).toEqual([]);
  });

  it('ignores ZooKeeper-mode brokers and ids pinned by kafka-storage format', async () => {
    const zk = workload({ image: 'confluentinc/cp-kafka:7.4.6', env: '[{ name: KAFKA_ZOOKEEPER_CONNECT, value: "zk:2181" }]', mounts: '[{ name: data, mountPath: /var/lib/kafka/data }]', claimTemplates: ['data'] });
    const formatted = workload({
      image: 'apache/kafka:3.9.0',
      env: `[${roles}]`,
      extra: '          command: [sh, -c, "/opt/kafka/bin/kafka-storage.sh format -t q1Sh-9_ISia_zwGINzRvyQ -c /etc/kafka/server.properties --ignore-formatted && exec /etc/kafka/docker/run"]\n',
      mounts: '[{ name: data, mountPath: /var/lib/kafka/data }]',
      claimTemplates: ['data'],
    });
    expect(await findings({ 'zk.yaml': zk }, rule)).toEqual([]);
    expect(await findings({ 'f.yaml': formatted }, rule)).toEqual([]);
  });

  it('names the variable each distribution reads', async () => {
    const w = workload({ image: 'bitnami/kafka:3.8.0', env: '[{ name: KAFKA_CFG_PROCESS_ROLES, value: "controller,broker" }]', mounts: '[{ name: data, mountPath: /bitnami/kafka }]', claimTemplates: ['data'] });
    const [hit] = await findings({ 'w.yaml': w }, rule);
    expect(hit.message).toContain('set KAFKA_KRAFT_CLUSTER_ID');
    expect(hit.line).toBe(lineOf(w, 'env:'));
  });

  it('treats an empty process roles value as not KRaft on images that still support ZooKeeper', async () => {
    const w = workload({ image: 'confluentinc/cp-kafka:7.7.1', env: '[{ name: KAFKA_PROCESS_ROLES, value: "" }]', mounts: '[{ name: data, mountPath: /var/lib/kafka/data }]', claimTemplates: ['data'] });
    expect(await findings({ 'w.yaml': w }, rule)).toEqual([]);
  });
});

describe('database-without-persistence', () => {
  const rule = ['database-without-persistence'];

  it('follows --dbpath and --datadir arguments', async () => {
    const moved = workload({ image: 'mongo:7.0.14', extra: '          args: [--dbpath, /srv/mongo]\n', mounts: '[{ name: data, mountPath: /data/db }]', claimTemplates: ['data'] });
    const hits = await findings({ 'w.yaml': moved }, rule);
    expect(hits.map((h) => h.message)).toEqual([expect.stringContaining('keeps its data in /srv/mongo (from --dbpath), and no volume is mounted there')]);
    const ok = workload({ image: 'mysql:8.4.3', extra: '          args: [--datadir=/srv/mysql]\n', mounts: '[{ name: data, mountPath: /srv }]', claimTemplates: ['data'] });
    expect(await findings({ 'w.yaml': ok }, rule)).toEqual([]);
  });

  it('reports generic ephemeral volumes, which are deleted with the pod', async () => {
    const w = workload({
      kind: 'Deployment',
      image: 'mariadb:11.4.4',
      mounts: '[{ name: data, mountPath: /var/lib/mysql }]',
      volumes: '[{ name: data, ephemeral: { volumeClaimTemplate: { spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } } } } }]',
    });
    expect((await findings({ 'w.yaml': w }, rule)).map((h) => h.message)).toEqual([expect.stringContaining('an ephemeral claim')]);
  });

  it('judges images of unknown layout only by whether they mount anything', async () => {
    const none = workload({ image: 'wurstmeister/kafka:2.13-2.8.1' });
    expect(await findings({ 'w.yaml': none }, rule)).toHaveLength(1);
    const some = workload({ image: 'wurstmeister/kafka:2.13-2.8.1', mounts: '[{ name: data, mountPath: /kafka }]', claimTemplates: ['data'] });
    expect(await findings({ 'w.yaml': some }, rule)).toEqual([]);
  });

  it('accepts postgres 18 volumes at /var/lib/postgresql, and leaves the old path to postgres-pgdata-missing', async () => {
    const modern = workload({ image: 'postgres:18.1', mounts: '[{ name: data, mountPath: /var/lib/postgresql }]', claimTemplates: ['data'] });
    const legacy = workload({ image: 'postgres:18.1', mounts: '[{ name: data, mountPath: /var/lib/postgresql/data }]', claimTemplates: ['data'] });
    expect(await findings({ 'w.yaml': modern }, rule)).toEqual([]);
    expect(await findings({ 'w.yaml': legacy }, rule)).toEqual([]);
    expect((await findings({ 'w.yaml': legacy }, ['postgres-pgdata-missing'])).length).toBe(1);
  });

  it('skips Jobs and containers running client tools', async () => {
    expect(await findings({ 'w.yaml': workload({ kind: 'Job', image: 'postgres:16.4' }) }, rule)).toEqual([]);
    const client = workload({ kind: 'Deployment', image: 'mysql:8.4.3', extra: '          command: [mysqldump, --all-databases]\n' });
    expect(await findings({ 'w.yaml': client }, rule)).toEqual([]);
    const server = workload({ kind: 'Deployment', image: 'postgres:16.4', extra: '          command: [sh, -c, "until pg_isready -h primary; do sleep 1; done; exec docker-entrypoint.sh postgres"]\n' });
    expect(await findings({ 'w.yaml': server }, rule)).toHaveLength(1);
    const toolbox = workload({ kind: 'Deployment', image: 'quay.io/strimzi/kafka:0.43.0-kafka-3.8.0', extra: '          command: [sleep, infinity]\n' });
    expect(await findings({ 'w.yaml': toolbox }, rule)).toEqual([]);
    const delayed = workload({ kind: 'Deployment', image: 'bitnami/kafka:3.8.1', extra: '          command: [sh, -c, "sleep 10 && exec /opt/bitnami/scripts/kafka/run.sh"]\n' });
    expect(await findings({ 'w.yaml': delayed }, rule)).toHaveLength(1);
  });
});
