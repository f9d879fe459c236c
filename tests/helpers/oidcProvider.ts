/**
 * A real OpenID provider for tests (`oidc-provider`), on a port of its own, with one client
 * registered for the werktafel servers' callbacks and a sign-in page of our own: a form that
 * takes the name of one of the test's accounts (`/interaction/:uid`), so a test drives the
 * whole authorization code flow over HTTP, and Chromium through the same form. Keys, the client
 * secret and cookie keys are made at run time.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/** What the provider says about a person: `sub` is the account's name in the form. */
export interface ProviderAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** Where the provider will listen and the client it registers, with a secret made now. */
export interface ProviderSettings {
  port: number;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The werktafel environment that points at this provider. */
  env: Record<string, string>;
}

export function providerSettings(port: number): ProviderSettings {
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'werktafel-test';
  const clientSecret = randomBytes(24).toString('hex');
  return { port, issuer, clientId, clientSecret, env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } };
}

export interface TestProvider {
  /** Add or change people at any time; the next sign-in sees them. */
  accounts: Map<string, ProviderAccount>;
  close(): Promise<void>;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

/** The provider's own sign-in page: one field, and a way to say no. */
const signInPage = (uid: string) => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Testprovider</title></head>
<body><h1>Inloggen bij de testprovider</h1>
<form method="post" action="/interaction/${uid}">
<label>Account <input name="account" autofocus></label>
<button type="submit">Doorgaan</button>
<button type="submit" name="cancel" value="1">Annuleren</button>
</form></body></html>`;

/** First-party client: the grant covers what was asked, so no consent screen comes between. */
async function grantWithoutConsent(ctx: KoaContextWithOIDC) {
  const { session, client, provider, params } = ctx.oidc;
  if (!session?.accountId || !client) return undefined;
  const existing = session.grantIdFor(client.clientId);
  if (existing) return provider.Grant.find(existing);
  const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope(String(params?.scope ?? 'openid'));
  await grant.save();
  return grant;
}

/**
 * Starts the provider; werktafel servers may start before it with `settings.env`, since they
 * read the provider's discovery document only at their first sign-in.
 */
export async function startOidcProvider(settings: ProviderSettings, redirectUris: string[]): Promise<TestProvider> {
  const { port, issuer, clientId, clientSecret } = settings;
  const accounts = new Map<string, ProviderAccount>();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, response_types: ['code'], grant_types: ['authorization_code'] }],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    // Seconds; said explicitly so the provider does not remark on every default it falls back to.
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    loadExistingGrant: grantWithoutConsent,
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: () => ({ ...account, sub: id }) } : undefined;
    },
  });
  const handle = provider.callback();
  const server = http.createServer((req, res) => {
    const uid = /^\/interaction\/([^/?]+)$/.exec(req.url ?? '')?.[1];
    if (!uid) return void handle(req, res);
    void (async () => {
      if (req.method === 'GET') {
        await provider.interactionDetails(req, res);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(signInPage(uid));
        return;
      }
      const form = await readForm(req);
      const result = form.get('cancel') ? { error: 'access_denied', error_description: 'cancelled at the provider' } : { login: { accountId: form.get('account') ?? '' } };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    accounts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
