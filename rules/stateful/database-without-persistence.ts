import { defineRule } from '../../src/engine/rule.js';
import { dataDirOf, serverContainers } from './databases.js';
import { isPersistent, mountHolding, mountsOf, type MountInfo } from './storage.js';

const ENGINE_NAMES: Record<string, string> = {
  postgres: 'PostgreSQL', mysql: 'MySQL', mariadb: 'MariaDB', mongo: 'MongoDB', kafka: 'Kafka',
  elasticsearch: 'Elasticsearch', opensearch: 'OpenSearch',
};

export default defineRule({
  id: 'database-without-persistence',
  family: 'stateful',
  severity: 'warning',
  title: 'A database keeps its data outside any persistent volume',
  symptom: 'every restart, eviction, node drain or rollout of the pod starts an empty database: tables, topics or indices are gone',
  why: 'A container\'s filesystem and its emptyDir volumes live only as long as the pod. A database, broker or search node whose data directory is not on a PersistentVolumeClaim (or another persistent volume) loses everything when the pod is replaced, which Kubernetes does routinely. A volume mounted somewhere else than the data directory (for example `/var/lib/kafka/data` while `KAFKA_LOG_DIRS` still points to /tmp) does not help.',
  fix: 'Run the database as a StatefulSet with a `volumeClaimTemplates` entry mounted at its data directory (or mount a PersistentVolumeClaim there), or use a managed database. Keep emptyDir only for throw-away test databases, and say so with a `# kubelint-ignore database-without-persistence -- reason` comment.',
  example: {
    bad: 'kind: Deployment\n...\n      containers:\n        - name: mysql\n          image: mysql:8.4\n          volumeMounts:\n            - { name: data, mountPath: /var/lib/mysql }\n      volumes:\n        - { name: data, emptyDir: {} }',
    good: 'kind: StatefulSet\n...\n      containers:\n        - name: mysql\n          image: mysql:8.4\n          volumeMounts:\n            - { name: data, mountPath: /var/lib/mysql }\n  volumeClaimTemplates:\n    - metadata: { name: data }\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources: { requests: { storage: 20Gi } }',
  },
  notes: 'Data directories are the images\' defaults (postgres /var/lib/postgresql/data, or /var/lib/postgresql/<major>/docker from 18; mysql and mariadb /var/lib/mysql; mongo /data/db; confluentinc Kafka /var/lib/kafka/data; apache/kafka /tmp/kraft-combined-logs; Elasticsearch /usr/share/elasticsearch/data; Bitnami /bitnami/<name>) unless PGDATA, KAFKA_LOG_DIRS, --datadir, --dbpath and alike move them. Jobs, CronJobs and containers that run a client tool (pg_dump, mysqldump, kafka-topics...) are not databases.',
  check(ws, report) {
    for (const s of serverContainers(ws)) {
      const { c, image } = s;
      const engine = ENGINE_NAMES[image.engine];
      const mounts = mountsOf(c);
      const data = dataDirOf(s);
      if (!data) {
        // Layout unknown: only a container without any data volume at all is clearly ephemeral.
        if (mounts.some((m) => m.backing !== 'config')) continue;
        report({ at: c, path: ['image'], message: `${engine} container "${c.name}" mounts no volume: its data lives in the container and is lost with the pod` });
        continue;
      }
      for (const dir of data.dirs) {
        let holder = mountHolding(mounts, dir);
        // postgres 18+ with a claim at the old path is postgres-pgdata-missing's finding, not this one.
        if (image.engine === 'postgres' && !data.how.includes('PGDATA')) {
          const legacy = mounts.find((m) => m.mountPath === '/var/lib/postgresql/data' && isPersistent(m.backing));
          if (legacy) holder = legacy;
        }
        if (holder && (isPersistent(holder.backing) || holder.backing === 'undefined')) continue;
        const elsewhere = mounts.find((m) => isPersistent(m.backing) && m !== holder);
        const where = `${engine} container "${c.name}" keeps its data in ${dir} (${data.how})`;
        if (holder) {
          report({
            at: c,
            path: [...holder.path, 'mountPath'],
            message: `${where} on ${describe(holder)}, which is deleted with the pod${hint(elsewhere)}`,
          });
        } else {
          report({ at: c, path: ['image'], message: `${where}, and no volume is mounted there: the data is lost with the pod${hint(elsewhere)}` });
        }
        break;
      }
    }
  },
});

function describe(m: MountInfo): string {
  return m.backing === 'ephemeral' ? `volume "${m.volume}", an ephemeral claim` : `volume "${m.volume}", an emptyDir`;
}

function hint(elsewhere: MountInfo | undefined): string {
  return elsewhere ? ` (persistent volume "${elsewhere.volume}" is mounted at ${elsewhere.mountPath}, which the server does not use)` : '';
}
