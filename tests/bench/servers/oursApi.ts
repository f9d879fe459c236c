/**
 * The HTTP API calls the harness makes on our server before it can open sockets: sign up (the
 * session cookie), create a workspace and documents. Every cookie request carries the Origin
 * of PUBLIC_URL, as a browser would, or the server refuses it.
 */

export class OursApi {
  private cookie: string | null = null;
  private workspaceId: string | null = null;

  constructor(readonly origin: string) {}

  private async request<T>(method: string, path: string, body: unknown): Promise<T> {
    const headers: Record<string, string> = { origin: this.origin, 'content-type': 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(this.origin + path, { method, headers, body: JSON.stringify(body) });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('session='));
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** Signs up a fresh user and creates the workspace the documents go into. */
  async setUp(): Promise<void> {
    const email = `bench-${process.pid}-${Date.now()}@example.nl`;
    await this.request('POST', '/api/auth/signup', { email, password: 'benchmark-wachtwoord-lang', name: 'Bench' });
    const workspace = await this.request<{ id: string }>('POST', '/api/workspaces', { name: 'Benchmark' });
    this.workspaceId = workspace.id;
  }

  /** Creates `count` blank documents, a few requests at a time; returns their ids in order. */
  async createDocuments(count: number, concurrency = 8): Promise<string[]> {
    if (!this.workspaceId) await this.setUp();
    const ids: string[] = new Array(count);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, count) }, async () => {
        while (next < count) {
          const i = next++;
          const doc = await this.request<{ id: string }>('POST', `/api/workspaces/${this.workspaceId}/documents`, {
            title: `bench ${i}`,
            template: 'blank',
          });
          ids[i] = doc.id;
        }
      }),
    );
    return ids;
  }

  /** Headers a socket upgrade needs: the session cookie and our Origin. */
  socketHeaders(): Record<string, string> {
    if (!this.cookie) throw new Error('not signed in');
    return { cookie: this.cookie, origin: this.origin };
  }
}
