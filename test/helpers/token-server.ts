// A registry token server (the Docker/OCI token auth flow GHCR uses), for docker-registry's
// `auth: token`: Basic credentials in, a signed JWT granting the requested scope out. The
// registry verifies the signature against the certificate (x5c header + rootcertbundle).
import { execFileSync } from 'node:child_process';
import { createSign, randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  certificatePath: string;
  /** Its own origin, http://127.0.0.1:<port>. */
  url: string;
  /** Requests seen, for assertions: which scope was asked for, with or without credentials (and whether any Authorization came at all). */
  requests: Array<{ scope: string | null; authenticated: boolean; authorization: boolean }>;
  /**
   * Serve the registry too: every path but /token is passed to `upstream`, so the realm is on the
   * registry's own origin, as GHCR's (ghcr.io/token) is.
   */
  front(upstream: string): void;
  stop(): Promise<void>;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * `user` may push and pull; `reader`, if given, may only pull: like GHCR and Harbor, the server
 * then grants the requested actions it allows (a token for pull alone), and the registry refuses the push.
 */
export async function startTokenServer(user: { username: string; password: string }, reader?: { username: string; password: string }): Promise<TokenServer> {
  const dir = mkdtempSync(join(tmpdir(), 'token-server-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=modelci-test-token-issuer'],
    { stdio: 'ignore' },
  );
  const privateKey = readFileSync(key);
  const der = new X509Certificate(readFileSync(cert)).raw;
  const service = 'modelci-test-registry';
  const issuer = 'modelci-test-issuer';
  const requests: TokenServer['requests'] = [];
  let upstream: URL | undefined;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (upstream && url.pathname !== '/token') {
      const to = upstream;
      const forward = httpRequest({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        const headers = { ...up.headers };
        if (headers.location) headers.location = headers.location.replace(to.host, `127.0.0.1:${port}`);
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
      });
      forward.on('error', () => res.destroy());
      req.pipe(forward);
      return;
    }
    const basic = (u: { username: string; password: string }) => `Basic ${Buffer.from(`${u.username}:${u.password}`).toString('base64')}`;
    const isReader = reader !== undefined && req.headers.authorization === basic(reader);
    const authenticated = req.headers.authorization === basic(user) || isReader;
    requests.push({ scope: url.searchParams.get('scope'), authenticated, authorization: req.headers.authorization !== undefined });
    if (!authenticated) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
      return;
    }
    const access = url.searchParams.getAll('scope').map((scope) => {
      const [type, name, actions] = scope.split(':');
      return { type, name, actions: actions.split(',').filter((a) => !isReader || a === 'pull') };
    });
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'RS256', x5c: [der.toString('base64')] };
    const claims = {
      iss: issuer,
      sub: isReader ? reader.username : user.username,
      aud: service,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomBytes(8).toString('hex'),
      access,
    };
    const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = createSign('RSA-SHA256').update(signingInput).sign(privateKey);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ token: `${signingInput}.${b64url(signature)}`, expires_in: 300 }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    realm: `http://127.0.0.1:${port}/token`,
    front: (to) => {
      upstream = new URL(to);
    },
    service,
    issuer,
    certificatePath: cert,
    requests,
    stop: () => new Promise<void>((r) => server.close(() => r())).then(() => rmSync(dir, { recursive: true, force: true })),
  };
}
