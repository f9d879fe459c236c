/**
 * A browser in a few lines for the single sign-on flow over plain HTTP: cookies kept per origin
 * (as a browser keeps them apart per site; paths are ignored), redirects followed by hand so a
 * test can stop before the callback, look at it, tamper with it or send it twice.
 */
import { ApiClient } from './apiClient';

export class HttpBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  /** One request without following redirects; Set-Cookie lands in the origin's jar. */
  async get(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const { origin } = new URL(url);
    const jar = this.jar(origin);
    const headers: Record<string, string> = {};
    if (jar.size > 0) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { method: init.method ?? 'GET', headers, redirect: 'manual', body: init.form ? new URLSearchParams(init.form).toString() : undefined });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const gone = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  /** Follows redirects from `url` while `keepGoing` says so; resolves the last response and its URL. */
  async follow(url: string, keepGoing: (next: URL) => boolean): Promise<{ response: Response; url: string }> {
    let current = url;
    for (let hop = 0; hop < 10; hop++) {
      const response = await this.get(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      const next = new URL(location, current);
      if (!keepGoing(next)) return { response, url: current };
      current = next.href;
    }
    throw new Error(`more than 10 redirects from ${url}`);
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jar(origin).get(name);
  }

  /** Puts a cookie back, as an attacker who copied it would. */
  setCookie(origin: string, name: string, value: string): void {
    this.jar(origin).set(name, value);
  }

  /** An API client holding this browser's werktafel session, if it has one. */
  apiClient(origin: string): ApiClient {
    const client = new ApiClient(origin);
    const session = this.cookie(origin, 'session');
    client.cookie = session ? `session=${session}` : null;
    return client;
  }

  private jar(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }
}

/**
 * Starts single sign-on at werktafel, signs in at the provider as `account` (or cancels there)
 * and stops at werktafel's callback: resolves its URL, not yet visited.
 */
export async function reachCallback(browser: HttpBrowser, origin: string, account: string | null, next?: string): Promise<string> {
  const start = await browser.get(`${origin}/api/auth/oidc/start${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`);
  if (start.status !== 302) throw new Error(`start answered ${start.status}: ${await start.text()}`);
  const providerOrigin = new URL(start.headers.get('location')!).origin;
  const atForm = await browser.follow(start.headers.get('location')!, (to) => to.origin === providerOrigin);
  const formUrl = new URL(atForm.response.headers.get('location') ?? atForm.url, atForm.url).href;
  const submitted = await browser.get(formUrl, { method: 'POST', form: account === null ? { cancel: '1' } : { account } });
  const back = await browser.follow(new URL(submitted.headers.get('location')!, formUrl).href, (to) => to.origin === providerOrigin);
  const callback = back.response.headers.get('location');
  if (!callback || !callback.startsWith(`${origin}/api/auth/oidc/callback`)) throw new Error(`provider did not send back to the callback: ${back.response.status} ${callback}`);
  return callback;
}

/** The whole round: resolves where werktafel sent the browser after its callback. */
export async function signInThroughProvider(browser: HttpBrowser, origin: string, account: string, next?: string): Promise<string> {
  const callback = await reachCallback(browser, origin, account, next);
  const landed = await browser.get(callback);
  if (landed.status !== 302) throw new Error(`callback answered ${landed.status}`);
  return landed.headers.get('location')!;
}
