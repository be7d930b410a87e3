import { describe, expect, it } from 'vitest';
import { hostReferences, parseServiceHost } from '../../src/workspace/dns.js';

describe('hostReferences', () => {
  const hosts = (v: string) => hostReferences(v).map((r) => `${r.host}${r.port !== undefined ? `:${r.port}` : ''}`);

  it('reads URL hosts, with and without ports and userinfo', () => {
    expect(hosts('http://auth-service:8080/login')).toEqual(['auth-service:8080']);
    expect(hosts('https://api.example.com/v1')).toEqual(['api.example.com']);
    expect(hosts('postgresql://app:s3cr3t@db.data:5432/shop?sslmode=require')).toEqual(['db.data:5432']);
    expect(hosts('jdbc:postgresql://orders-db:5432/orders')).toEqual(['orders-db:5432']);
  });

  it('reads every host of a multi-host URL and of host:port lists', () => {
    expect(hosts('mongodb://mongo-0.mongo:27017,mongo-1.mongo:27017/app?replicaSet=rs0')).toEqual(['mongo-0.mongo:27017', 'mongo-1.mongo:27017']);
    expect(hosts('kafka-0.kafka:9092,kafka-1.kafka:9092')).toEqual(['kafka-0.kafka:9092', 'kafka-1.kafka:9092']);
    expect(hosts('1@kafka-0.kafka-headless:9093,2@kafka-1.kafka-headless:9093')).toEqual(['kafka-0.kafka-headless:9093', 'kafka-1.kafka-headless:9093']);
  });

  it('gives the offsets of each host inside the value', () => {
    const v = 'redis://cache:6379/0';
    const [ref] = hostReferences(v);
    expect(v.slice(ref.start, ref.end)).toBe('cache');
    expect(ref.scheme).toBe('redis');
  });

  it('ignores things that are not hosts', () => {
    expect(hosts('12:30')).toEqual([]);
    expect(hosts('CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT')).toEqual([]);
    expect(hosts('PLAINTEXT://:9092,CONTROLLER://:9093')).toEqual([]);
    expect(hosts('registry.example.com/shop/web:1.4.2')).toEqual([]);
    expect(hosts('http://[::1]:8080/')).toEqual([]);
    expect(hosts('just some text')).toEqual([]);
    expect(hosts('ratio 3:1 or host:99999')).toEqual([]);
    expect(hosts('containers:\n  - image: redis:7\n    name: cache')).toEqual([]);
    expect(hosts('postgres:16-alpine')).toEqual([]);
  });
});

describe('parseServiceHost', () => {
  it('recognises every form cluster DNS answers', () => {
    expect(parseServiceHost('auth')).toEqual({ service: 'auth', form: 'bare' });
    expect(parseServiceHost('auth.identity')).toEqual({ service: 'auth', namespace: 'identity', form: 'ns' });
    expect(parseServiceHost('auth.identity.svc')).toEqual({ service: 'auth', namespace: 'identity', form: 'svc' });
    expect(parseServiceHost('auth.identity.svc.cluster.local')).toEqual({ service: 'auth', namespace: 'identity', form: 'fqdn' });
    expect(parseServiceHost('auth.identity.svc.cluster.local.')).toEqual({ service: 'auth', namespace: 'identity', form: 'fqdn' });
    expect(parseServiceHost('kafka-0.kafka.data.svc.cluster.local')).toEqual({ service: 'kafka', namespace: 'data', form: 'fqdn', pod: 'kafka-0' });
    expect(parseServiceHost('kafka-0.kafka.data')).toEqual({ service: 'kafka', namespace: 'data', form: 'ns', pod: 'kafka-0' });
  });

  it('rejects IPs, long external names and invalid labels', () => {
    expect(parseServiceHost('10.0.0.12')).toBeUndefined();
    expect(parseServiceHost('api.eu.stripe.com')).toBeUndefined();
    expect(parseServiceHost('under_score')).toBeUndefined();
    expect(parseServiceHost('')).toBeUndefined();
  });
});
