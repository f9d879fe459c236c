/**
 * A signed-in HTTP client for tests: keeps the session cookie and sends the Origin header a
 * browser would send.
 */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * Response bodies are ad-hoc JSON checked by each test's assertions, not by the type system;
 * one named escape hatch instead of `any` at every call site.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export class ApiClient {
  cookie: string | null = null;
  /** The `Accept-Language` to send, as the werktafel client sends its interface language; none by default. */
  acceptLanguage: string | null = null;

  constructor(
    readonly origin: string,
    /** The Origin header to send; the public origin unless a test forges another. */
    readonly sendOrigin: string | null = origin,
  ) {}

  async request<T = Json>(method: string, path: string, body?: unknown, init: { rawBody?: string } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.sendOrigin) headers.origin = this.sendOrigin;
    if (this.acceptLanguage) headers['accept-language'] = this.acceptLanguage;
    if (body !== undefined || init.rawBody !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.origin + path, {
      method,
      headers,
      body: init.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('session='));
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value === 'session=' || /max-age=0/i.test(setCookie) ? null : value;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get = <T = Json>(path: string) => this.request<T>('GET', path);
  post = <T = Json>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  patch = <T = Json>(path: string, body: unknown) => this.request<T>('PATCH', path, body);
  delete = <T = Json>(path: string) => this.request<T>('DELETE', path);
}

let counter = 0;

/** Signs up a fresh user and returns their client. */
export async function signUp(origin: string, name = 'Tester'): Promise<ApiClient & { userId: string; email: string }> {
  const client = new ApiClient(origin);
  const email = `user${process.pid}-${Date.now()}-${counter++}@example.nl`;
  const res = await client.post('/api/auth/signup', { email, name, password: 'een-lang-wachtwoord' });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return Object.assign(client, { userId: (res.body as { id: string }).id, email });
}

export interface Workshop {
  owner: ApiClient & { userId: string };
  workspaceId: string;
  partyId: string;
  documentId: string;
}

/** An owner with a workspace, one party and one blank document. */
export async function buildWorkshop(origin: string): Promise<Workshop> {
  const owner = await signUp(origin, 'Eigenaar');
  const ws = await owner.post('/api/workspaces', { name: 'Dagactivering 2027' });
  const party = await owner.post(`/api/workspaces/${ws.body.id}/parties`, { name: 'Gemeente', kind: 'municipality' });
  await owner.patch(`/api/workspaces/${ws.body.id}/members/${owner.userId}`, { partyId: party.body.id });
  const doc = await owner.post(`/api/workspaces/${ws.body.id}/documents`, { title: 'Uitvraag', template: 'blank' });
  return { owner, workspaceId: ws.body.id, partyId: party.body.id, documentId: doc.body.id };
}

/** Invites a new user into the workshop's workspace with a role and returns their client. */
export async function addMember(workshop: Workshop, origin: string, role: string, name = role): Promise<ApiClient & { userId: string }> {
  const invite = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/invites`, { role, partyId: workshop.partyId });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
  const member = await signUp(origin, name);
  const accepted = await member.post(`/api/invites/${invite.body.token}/accept`);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return member;
}
