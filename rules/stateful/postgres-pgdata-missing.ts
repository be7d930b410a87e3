import { defineRule } from '../../src/engine/rule.js';
import { literal, serverContainers } from './databases.js';
import { mountsOf, normalisePath, type MountInfo, type VolumeBacking } from './storage.js';

const LEGACY_DATA = '/var/lib/postgresql/data';

/** Freshly formatted block volumes carry `lost+found` in their root. */
const FORMATTED: VolumeBacking[] = ['claim', 'claim-template', 'ephemeral', 'disk'];

function describeMount(m: MountInfo): string {
  const kind =
    m.backing === 'claim-template' ? 'a volumeClaimTemplate' : m.backing === 'claim' ? 'a PersistentVolumeClaim' : m.backing === 'ephemeral' ? 'an ephemeral claim' : 'a disk';
  return `volume "${m.volume}" (${kind})`;
}

export default defineRule({
  id: 'postgres-pgdata-missing',
  family: 'stateful',
  severity: 'error',
  title: 'PostgreSQL data volume mounted without a PGDATA subdirectory',
  symptom: 'the postgres pod crash-loops on first start: `initdb: error: directory "/var/lib/postgresql/data" exists but is not empty` (it contains `lost+found`); with postgres 18+ images the entrypoint stops with "there appears to be PostgreSQL data in /var/lib/postgresql/data (unused mount/volume)"',
  why: 'The official postgres image runs initdb in `$PGDATA`, which must be an empty directory it owns. A freshly formatted volume (a PVC on ext4, most cloud disks) has a `lost+found` directory in its root, so initdb refuses a PGDATA that is the mount point itself. Since postgres 18 the image keeps PGDATA in `/var/lib/postgresql/<major>/docker` and refuses to start when something is mounted at the old `/var/lib/postgresql/data` path.',
  fix: 'Set `PGDATA` to a subdirectory of the mount, e.g. `/var/lib/postgresql/data/pgdata`, or mount the volume with `subPath: pgdata`. For postgres 18+ images, mount the volume at `/var/lib/postgresql` and leave PGDATA alone.',
  example: {
    bad: 'containers:\n  - name: postgres\n    image: postgres:16.4\n    volumeMounts:\n      - { name: data, mountPath: /var/lib/postgresql/data }',
    good: 'containers:\n  - name: postgres\n    image: postgres:16.4\n    env:\n      - { name: PGDATA, value: /var/lib/postgresql/data/pgdata }\n    volumeMounts:\n      - { name: data, mountPath: /var/lib/postgresql/data }',
  },
  notes: 'Applies to the official postgres image and images built on it (postgis/postgis, timescale/timescaledb, pgvector/pgvector). Bitnami and timescaledb-ha images keep their data in a subdirectory already. PGDATA is read from env, envFrom ConfigMaps and configMapKeyRef; when it comes from a Secret or from a source outside the scan the rule stays silent. emptyDir and hostPath volumes have no lost+found and are left to database-without-persistence.',
  check(ws, report) {
    for (const s of serverContainers(ws)) {
      if (s.image.engine !== 'postgres' || s.image.distribution !== 'official') continue;
      const { c, env, image } = s;
      const pgdata = env.get('PGDATA');
      if (pgdata && literal(pgdata) === undefined) continue; // from a Secret, a `$(VAR)`, or empty
      if (!pgdata && env.opaque) continue;
      const modern = image.major !== undefined && image.major >= 18;
      for (const m of mountsOf(c)) {
        if (m.subPath || !FORMATTED.includes(m.backing)) continue;
        const where = `container "${c.name}" mounts ${describeMount(m)} at ${m.mountPath}`;
        if (pgdata) {
          if (normalisePath(literal(pgdata)!) !== m.mountPath) continue;
          report({
            at: c,
            path: pgdata.path ?? [...m.path, 'mountPath'],
            message: `PGDATA is ${m.mountPath}, the mount point of ${describeMount(m)} itself: initdb fails on the volume's lost+found ("directory exists but is not empty"); use a subdirectory such as ${m.mountPath}/pgdata`,
          });
          continue;
        }
        if (m.mountPath !== LEGACY_DATA) continue;
        report({
          at: c,
          path: [...m.path, 'mountPath'],
          message: modern
            ? `${where} and PGDATA is not set: ${c.image} keeps its data in /var/lib/postgresql/${image.major}/docker and refuses to start with a volume at ${LEGACY_DATA} ("unused mount/volume"); mount the volume at /var/lib/postgresql instead`
            : `${where} and PGDATA is not set, so initdb runs in the volume's root and fails on its lost+found ("directory exists but is not empty"); set PGDATA to ${LEGACY_DATA}/pgdata${image.major === undefined ? ' (postgres 18+ images refuse a volume at this path altogether: mount it at /var/lib/postgresql there)' : ''}`,
        });
      }
    }
  },
});
