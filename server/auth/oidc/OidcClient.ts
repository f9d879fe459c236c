/**
 * werktafel as an OpenID Connect relying party, through `openid-client`: the authorization code
 * flow with PKCE, state and nonce. The provider's discovery document is fetched at the first
 * sign-in (and again after a failure), so werktafel starts while the provider is unreachable.
 */
import * as openid from 'openid-client';
import { isLoopbackHttp, type OidcConfig } from '../authConfig';

/** What the callback must check, kept server-side between the two legs. */
export interface SignInChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Who the provider says signed in. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  /** The ID token's claims over the UserInfo endpoint's (the ID token wins where both say). */
  claims: Record<string, unknown>;
}

/** How long werktafel waits for the provider on each request, in seconds. */
const PROVIDER_TIMEOUT_S = 10;

export class OidcClient {
  private configuration: Promise<openid.Configuration> | null = null;

  constructor(
    private readonly config: OidcConfig,
    /** The callback URL registered at the provider (`PUBLIC_URL` + `/api/auth/oidc/callback`). */
    private readonly redirectUri: string,
  ) {}

  /** The provider's sign-in page for a new attempt, and the checks its answer must pass. */
  async start(): Promise<{ url: URL; checks: SignInChecks }> {
    const configuration = await this.discover();
    const checks = { state: openid.randomState(), nonce: openid.randomNonce(), codeVerifier: openid.randomPKCECodeVerifier() };
    const url = openid.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await openid.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, checks };
  }

  /**
   * Exchanges the code of the provider's answer (`callbackUrl`, with its query) for tokens,
   * checking state, nonce, PKCE and the ID token's signature, issuer, audience and age.
   */
  async finish(callbackUrl: URL, checks: SignInChecks): Promise<ProviderIdentity> {
    const configuration = await this.discover();
    const tokens = await openid.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    // Many providers put the address only in UserInfo; its `sub` must be the ID token's.
    const userInfo = await openid.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    return { issuer: configuration.serverMetadata().issuer, subject: idToken.sub, claims: { ...userInfo, ...idToken } };
  }

  private discover(): Promise<openid.Configuration> {
    const { issuer, clientId, clientSecret } = this.config;
    this.configuration ??= openid
      .discovery(new URL(issuer), clientId, undefined, openid.ClientSecretBasic(clientSecret), {
        execute: isLoopbackHttp(issuer) ? [openid.allowInsecureRequests] : [],
        timeout: PROVIDER_TIMEOUT_S,
      })
      .catch((error: unknown) => {
        this.configuration = null;
        throw error;
      });
    return this.configuration;
  }
}
