/**
 * Where credentials may go: an origin is scheme + host + port (URL.origin, default ports made
 * implicit, so http://a:80 and http://a are one origin; 127.0.0.1 and localhost are two).
 */
import { redactUri } from './redact-uri.js';

export function originOf(url: string | URL): string {
  return (typeof url === 'string' ? new URL(url) : url).origin;
}

export function sameOrigin(a: string | URL, b: string | URL): boolean {
  return originOf(a) === originOf(b);
}

/**
 * The URL as a message may show it: no user:password, and no query or fragment, which may hold a
 * signature (a presigned storage URL) or an upload's state.
 */
export function shownUrl(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  return redactUri(`${u.protocol}//${u.username || u.password ? `${u.username}:${u.password}@` : ''}${u.host}${u.pathname === '/' ? '' : u.pathname}`);
}
