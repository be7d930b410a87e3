import { describe, expect, it } from 'vitest';
import { dataImageOf, majorVersion, parseImage } from '../../src/workspace/images.js';

describe('parseImage', () => {
  it('splits registry, repository, tag and digest', () => {
    expect(parseImage('postgres:16.4-alpine')).toMatchObject({ registry: undefined, repository: 'postgres', name: 'postgres', tag: '16.4-alpine' });
    expect(parseImage('docker.io/library/postgres:16')).toMatchObject({ registry: 'docker.io', repository: 'postgres', tag: '16' });
    expect(parseImage('localhost:5000/team/api')).toMatchObject({ registry: 'localhost:5000', repository: 'team/api', name: 'api', owner: 'team', tag: undefined });
    expect(parseImage('ghcr.io/acme/kafka:3.9.0@sha256:abc')).toMatchObject({ registry: 'ghcr.io', repository: 'acme/kafka', tag: '3.9.0', digest: 'sha256:abc' });
    expect(parseImage('public.ecr.aws/docker/library/mongo:7.0')).toMatchObject({ repository: 'mongo', tag: '7.0' });
  });
});

describe('majorVersion', () => {
  it('reads the leading number, or the one after a prefix', () => {
    expect(majorVersion('16.4-alpine')).toBe(16);
    expect(majorVersion('18')).toBe(18);
    expect(majorVersion('v4.0.0')).toBe(4);
    expect(majorVersion('2.17.2-pg16', 'pg')).toBe(16);
    expect(majorVersion('pg17', 'pg')).toBe(17);
    expect(majorVersion('latest')).toBeUndefined();
    expect(majorVersion(undefined)).toBeUndefined();
  });
});

describe('dataImageOf', () => {
  const of = (image: string) => {
    const d = dataImageOf(image);
    return d && `${d.engine}/${d.distribution}${d.major !== undefined ? `@${d.major}` : ''}`;
  };

  it('recognises official images, images built on them, and mirrors', () => {
    expect(of('postgres:16.4')).toBe('postgres/official@16');
    expect(of('postgis/postgis:16-3.4')).toBe('postgres/official@16');
    expect(of('timescale/timescaledb:2.17.2-pg16')).toBe('postgres/official@16');
    expect(of('registry.example.com/mirror/postgres:17')).toBe('postgres/official@17');
    expect(of('mysql:8.4')).toBe('mysql/official@8');
    expect(of('mariadb:11.4')).toBe('mariadb/official@11');
    expect(of('mongo:7.0.14')).toBe('mongo/official@7');
    expect(of('docker.elastic.co/elasticsearch/elasticsearch:8.15.3')).toBe('elasticsearch/official@8');
  });

  it('tells distributions apart (their data layout differs)', () => {
    expect(of('bitnami/postgresql:16.4.0')).toBe('postgres/bitnami@16');
    expect(of('docker.io/bitnamilegacy/kafka:3.9')).toBe('kafka/bitnami@3');
    expect(of('timescale/timescaledb-ha:pg16')).toBe('postgres/timescale-ha@16');
    expect(of('apache/kafka:4.0.0')).toBe('kafka/apache@4');
    expect(of('confluentinc/cp-kafka:7.7.1')).toBe('kafka/confluent@7');
    expect(of('registry.example.com/proxy/bitnami/kafka:4.0.0')).toBe('kafka/bitnami@4');
    expect(of('wurstmeister/kafka:2.13-2.8.1')).toBe('kafka/unknown@2');
  });

  it('leaves other images alone', () => {
    expect(of('registry.example.com/shop/postgres-exporter:0.15.0')).toBeUndefined();
    expect(of('prometheuscommunity/postgres-exporter:v0.15.0')).toBeUndefined();
    expect(of('ghcr.io/cloudnative-pg/postgresql:16.4')).toBeUndefined();
    expect(of('redis:7.4')).toBeUndefined();
    expect(of('')).toBeUndefined();
  });
});
