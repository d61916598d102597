// A real OpenID Connect provider for tests (the npm package oidc-provider, 9.x): one client, accounts given in the
// ACCOUNTS environment variable as JSON ({ "name": { claims } }), its development sign-in pages (any password).
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const accounts = JSON.parse(process.env.ACCOUNTS);
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: process.env.CLIENT_ID,
    client_secret: process.env.CLIENT_SECRET,
    redirect_uris: [process.env.REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  scopes: ['openid', 'profile', 'gz'],
  claims: { openid: ['sub'], profile: ['preferred_username', 'name'], gz: ['groups', 'gz_provider', 'gz_sites'] },
  cookies: { keys: ['gz-test-only'] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    if (!accounts[id]) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, preferred_username: id, ...accounts[id] }) };
  },
});
provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${port}`));
