import { describe, expect, it } from 'vitest';
import { authPath, blockPath, matchRoute, registerPagePath, safeNext } from './routes';

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
    expect(matchRoute('/w/abc/onbekend')).toEqual({ name: 'notFound' });
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
