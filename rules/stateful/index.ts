import type { Rule } from '../../src/engine/rule.js';
import postgresPgdataMissing from './postgres-pgdata-missing.js';
import kafkaClusterIdUnpinned from './kafka-cluster-id-unpinned.js';
import databaseWithoutPersistence from './database-without-persistence.js';

export const rules: Rule[] = [postgresPgdataMissing, kafkaClusterIdUnpinned, databaseWithoutPersistence];
