/** The storage and instance settings of the configuration (issue 13): DATABASE_URL, INSTANCE_ID, INTERNAL_URL, DOCUMENT_LEASE_MS. */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { engineOf } from './storage/openStorage';

describe('DATABASE_URL', () => {
  it('is unset by default: SQLite in the data directory', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeNull();
    expect(engineOf(config)).toBe('sqlite');
  });

  it('selects PostgreSQL with a postgres:// or postgresql:// URL', () => {
    for (const url of ['postgres://werktafel:geheim@db:5432/werktafel', 'postgresql://db/werktafel']) {
      const config = loadConfig({ DATABASE_URL: url });
      expect(config.databaseUrl).toBe(url);
      expect(engineOf(config)).toBe('postgres');
    }
  });

  it('refuses another scheme without repeating the URL, which holds a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:geheim@db/werktafel' })).toThrow(/must start with postgres:\/\//);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:geheim@db/werktafel' })).not.toThrow(/geheim/);
    expect(() => loadConfig({ DATABASE_URL: 'geen url' })).toThrow(/DATABASE_URL must be a URL/);
  });
});

describe('INSTANCE_ID and INTERNAL_URL', () => {
  it('default to host name and pid, and to HOST and PORT', () => {
    const config = loadConfig({ HOST: '10.0.0.5', PORT: '3100' });
    expect(config.instanceId).toBe(`${os.hostname()}-${process.pid}`);
    expect(config.internalUrl).toBe('http://10.0.0.5:3100');
  });

  it('name the machine when the server listens on every interface', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '3100' }).internalUrl).toBe(`http://${os.hostname()}:3100`);
  });

  it('are taken as given', () => {
    const config = loadConfig({ INSTANCE_ID: 'werktafel-2', INTERNAL_URL: 'http://werktafel-2.intern:3000/' });
    expect(config.instanceId).toBe('werktafel-2');
    expect(config.internalUrl).toBe('http://werktafel-2.intern:3000');
  });
});

describe('DOCUMENT_LEASE_MS', () => {
  it('defaults to 30 s and takes a positive whole number of milliseconds', () => {
    expect(loadConfig({}).documentLeaseMs).toBe(30_000);
    expect(loadConfig({ DOCUMENT_LEASE_MS: '1500' }).documentLeaseMs).toBe(1_500);
    expect(() => loadConfig({ DOCUMENT_LEASE_MS: '0' })).toThrow(/DOCUMENT_LEASE_MS must be a positive integer/);
  });
});
