import { expect, test } from 'vitest';
import { forwardedAddress } from './clientAddress';

test('with TRUST_PROXY=0 the header is ignored, whatever it says', () => {
  expect(forwardedAddress('192.0.2.10', '198.51.100.7', 0)).toBe('192.0.2.10');
  expect(forwardedAddress('::ffff:192.0.2.10', undefined, 0)).toBe('192.0.2.10');
});

test('with N proxies the address N hops from the right counts; entries the client wrote further left do not', () => {
  // client -> proxy: the proxy appended what it saw; the client forged the first entry.
  expect(forwardedAddress('10.0.0.2', '198.51.100.7, 203.0.113.9', 1)).toBe('203.0.113.9');
  // client -> outer proxy -> inner proxy -> server.
  expect(forwardedAddress('10.0.0.3', '198.51.100.7, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9');
  // Several header lines arrive joined with commas.
  expect(forwardedAddress('10.0.0.2', '198.51.100.7,203.0.113.9', 1)).toBe('203.0.113.9');
  expect(forwardedAddress('10.0.0.2', '2001:DB8::1', 1)).toBe('2001:db8::1');
});

test('fewer entries than proxies: the leftmost; no header, or a hop that is not an address: the socket', () => {
  expect(forwardedAddress('10.0.0.3', '203.0.113.9', 2)).toBe('203.0.113.9');
  expect(forwardedAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
  expect(forwardedAddress('10.0.0.2', '', 1)).toBe('10.0.0.2');
  expect(forwardedAddress('10.0.0.2', '198.51.100.7, iedereen', 1)).toBe('10.0.0.2');
});
