import { describe, expect, it } from 'vitest';
import { authPath, blockPath, contributionsPath, matchRoute, registerPagePath, safeNext, versionDiffPath, versionPagePath } from './routes';

describe('matchRoute', () => {
  it('maps the Dutch paths', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/inloggen')).toEqual({ name: 'login' });
    expect(matchRoute('/aanmelden')).toEqual({ name: 'signup' });
    expect(matchRoute('/w/abc')).toEqual({ name: 'workspace', id: 'abc' });
    expect(matchRoute('/d/x%20y')).toEqual({ name: 'document', id: 'x y' });
    expect(matchRoute('/uitnodiging/tok_1')).toEqual({ name: 'invite', token: 'tok_1' });
  });

  it('maps the register pages of a workspace', () => {
    expect(matchRoute('/w/abc/acties')).toEqual({ name: 'register', id: 'abc', register: 'actions' });
    expect(matchRoute('/w/abc/toezeggingen/')).toEqual({ name: 'register', id: 'abc', register: 'commitments' });
    expect(matchRoute('/w/abc/reflectie')).toEqual({ name: 'register', id: 'abc', register: 'reflections' });
    expect(matchRoute('/w/abc/criteria')).toEqual({ name: 'register', id: 'abc', register: 'criteria' });
    expect(matchRoute('/w/abc/opmerkingen')).toEqual({ name: 'threads', id: 'abc' });
    expect(matchRoute('/w/abc/onbekend')).toEqual({ name: 'notFound' });
  });

  it('maps the version, comparison and contribution pages of a document', () => {
    expect(matchRoute('/d/d1/versies/v1')).toEqual({ name: 'version', id: 'd1', versionId: 'v1' });
    expect(matchRoute('/d/d1/versies/v1/vergelijken/nu')).toEqual({ name: 'versionDiff', id: 'd1', versionId: 'v1', against: 'current' });
    expect(matchRoute('/d/d1/versies/v1/vergelijken/v2/')).toEqual({ name: 'versionDiff', id: 'd1', versionId: 'v1', against: 'v2' });
    expect(matchRoute('/d/d1/bijdragen')).toEqual({ name: 'contributions', id: 'd1' });
    expect(matchRoute('/d/d1/versies')).toEqual({ name: 'notFound' });
    expect(matchRoute('/d/d1/versies/%E0%A4%A')).toEqual({ name: 'notFound' });
  });

  it('builds version and contribution paths that match again', () => {
    expect(versionPagePath('d 1', 'v/2')).toBe('/d/d%201/versies/v%2F2');
    expect(versionDiffPath('d1', 'v1', 'current')).toBe('/d/d1/versies/v1/vergelijken/nu');
    expect(matchRoute(versionDiffPath('d1', 'v1', 'v/2'))).toEqual({ name: 'versionDiff', id: 'd1', versionId: 'v1', against: 'v/2' });
    expect(contributionsPath('d1')).toBe('/d/d1/bijdragen');
  });

  it('builds register and block paths', () => {
    expect(registerPagePath('a b', 'reflections')).toBe('/w/a%20b/reflectie');
    expect(blockPath('d1', 'b/2')).toBe('/d/d1#block-b%2F2');
  });

  it('does not match unknown or malformed paths', () => {
    expect(matchRoute('/w/')).toEqual({ name: 'notFound' });
    expect(matchRoute('/w/a/b')).toEqual({ name: 'notFound' });
    expect(matchRoute('/d/%E0%A4%A')).toEqual({ name: 'notFound' });
  });
});

describe('safeNext', () => {
  it('keeps local paths', () => {
    expect(safeNext('/d/1?x=2')).toBe('/d/1?x=2');
  });

  it('refuses other sites and odd values', () => {
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', null]) {
      expect(safeNext(bad)).toBe('/');
    }
  });

  it('builds login paths with a return path', () => {
    expect(authPath('login', '/w/1')).toBe('/inloggen?next=%2Fw%2F1');
    expect(authPath('signup', '/')).toBe('/aanmelden');
  });
});
