import { defineRule } from '../../src/engine/rule.js';
import type { DataImage } from '../../src/workspace/images.js';
import type { ContainerEnv, EnvSetting } from './container-env.js';
import { serverContainers } from './databases.js';
import { mountsOf } from './storage.js';

const CLUSTER_ID_VARS = ['CLUSTER_ID', 'KAFKA_CLUSTER_ID', 'KAFKA_KRAFT_CLUSTER_ID', 'KAFKA_CFG_CLUSTER_ID'];
const ROLE_VARS = ['KAFKA_PROCESS_ROLES', 'KAFKA_CFG_PROCESS_ROLES'];
const ZOOKEEPER_VARS = ['KAFKA_ZOOKEEPER_CONNECT', 'KAFKA_CFG_ZOOKEEPER_CONNECT'];

function set(env: ContainerEnv, name: string): EnvSetting | undefined {
  const s = env.get(name);
  // A value from a Secret or a field counts as set; a literal must not be empty.
  return s && (s.value === undefined || s.value.trim() !== '') ? s : undefined;
}

/** Kafka 4 dropped ZooKeeper: these images can only run KRaft. */
function kraftOnly(image: DataImage): boolean {
  const major = image.major;
  if (major === undefined) return false;
  if (image.distribution === 'apache' || image.distribution === 'bitnami') return major >= 4;
  if (image.distribution === 'confluent') return major >= 8; // Confluent Platform 8 ships Kafka 4
  return false;
}

/** The env variable the image reads its cluster id from. */
function idVariable(image: DataImage): string {
  return image.distribution === 'bitnami' ? 'KAFKA_KRAFT_CLUSTER_ID' : 'CLUSTER_ID';
}

/** `kafka-storage format -t <id>` / `--cluster-id <id>` in the command pins the id too. */
function formatsWithId(container: any): boolean {
  const argv = [...(Array.isArray(container.command) ? container.command : []), ...(Array.isArray(container.args) ? container.args : [])].map(String).join(' ');
  return /kafka-storage(\.sh)?\s+format\b[^\n]*(\s-t\s|\s--cluster-id[\s=])/.test(argv);
}

export default defineRule({
  id: 'kafka-cluster-id-unpinned',
  family: 'stateful',
  severity: 'warning',
  title: 'A KRaft Kafka broker with persistent storage has no pinned cluster id',
  symptom: 'after a pod or StatefulSet is re-created on its old volume, the broker stops with `Invalid cluster.id in meta.properties` / `The Cluster ID ... doesn\'t match stored clusterId`; brokers that formatted their storage separately never form one cluster (or the image refuses to start: `CLUSTER_ID environment variable not set`)',
  why: 'In KRaft mode every broker and controller formats its log directory with a cluster id, written to `meta.properties` on the volume. When the id is not fixed in the manifest, images generate one at first start (Bitnami), or refuse to start (apache/kafka, Confluent). A generated id differs per pod and per re-creation, so persisted volumes and new pods disagree.',
  fix: 'Generate an id once (`kafka-storage random-uuid`) and set it for every node: `CLUSTER_ID` for apache/kafka and confluentinc images, `KAFKA_KRAFT_CLUSTER_ID` for Bitnami; keep it in a ConfigMap or Secret so re-deploys reuse it.',
  example: {
    bad: 'env:\n  - { name: KAFKA_PROCESS_ROLES, value: "broker,controller" }\nvolumeMounts:\n  - { name: data, mountPath: /var/lib/kafka/data }',
    good: 'env:\n  - { name: KAFKA_PROCESS_ROLES, value: "broker,controller" }\n  - { name: CLUSTER_ID, value: "4L6g3nShT-eMCtK--X86sw" }\nvolumeMounts:\n  - { name: data, mountPath: /var/lib/kafka/data }',
  },
  notes: 'KRaft mode is recognised by KAFKA_PROCESS_ROLES / KAFKA_CFG_PROCESS_ROLES, or by a KRaft-only image (apache/kafka and bitnami/kafka 4+, confluentinc 8+). Persistent storage means a PersistentVolumeClaim, a volumeClaimTemplate or an inline disk. CLUSTER_ID, KAFKA_CLUSTER_ID, KAFKA_KRAFT_CLUSTER_ID, KAFKA_CFG_CLUSTER_ID (from a literal, a ConfigMap or a Secret) and `kafka-storage format -t` in the command count as pinned.',
  check(ws, report) {
    for (const { c, image, env } of serverContainers(ws)) {
      if (image.engine !== 'kafka') continue;
      const roles = ROLE_VARS.map((n) => set(env, n)).find(Boolean);
      const zookeeper = ZOOKEEPER_VARS.some((n) => set(env, n));
      if (!roles && (zookeeper || !kraftOnly(image))) continue;
      const persistent = mountsOf(c).find((m) => m.backing === 'claim' || m.backing === 'claim-template' || m.backing === 'disk');
      if (!persistent) continue;
      if (CLUSTER_ID_VARS.some((n) => set(env, n)) || env.opaque || formatsWithId(c.container)) continue;
      const mode = roles ? `${roles.name}${roles.value ? `=${roles.value}` : ''}` : `${c.image} runs KRaft only`;
      report({
        at: c,
        path: roles?.path ?? ['image'],
        message: `Kafka container "${c.name}" runs in KRaft mode (${mode}) with persistent volume "${persistent.volume}" but no pinned cluster id: set ${idVariable(image)} to one fixed id for every node, or a re-created pod on its old volume fails with a cluster id mismatch`,
      });
    }
  },
});
