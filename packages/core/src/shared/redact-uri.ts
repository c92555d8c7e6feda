/**
 * Credentials never go into a message or a record. In any text (a bare URI, or a message that
 * quotes one), every `scheme://` URI loses its userinfo and the values of query or fragment
 * parameters whose names look like credentials become `***`.
 *
 * The userinfo ends at the LAST `@` of the authority, as a URL parser reads it: passwords hold
 * `@` and `:` more often than people percent-encode them. The authority ends where RFC 3986
 * says it must (`/`, `?`, `#`) or at a character no URI holds unencoded (space, `"`, `<`, `>`,
 * backtick, `\`), so an IPv6 host (`[::1]`) and an `@` in the path are left alone.
 */

/** scheme:// authority path ?query #fragment, each part as a URI can hold it in running text. */
const URI_IN_TEXT = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#\\"<>`]*)([^\s?#"<>`]*)(\?[^\s#"<>`]*)?(#[^\s"<>`]*)?/gi;

/** Parameter names that carry a credential: whole words (api_key, X-Amz-Signature) or parts (privatetoken). */
const CREDENTIAL_WORD =
  /^(?:api[-_ ]?key|apikey|key|token|secret|password|passwd|pwd|pass|sig|signature|credential|credentials|auth|authorization|session|jwt|code|bearer)s?$/;
const CREDENTIAL_PART = /token|secret|passw|apikey|api_key|credential|signature/;

export const REDACTED = '***';

export function redactUri(text: string): string {
  return text.replace(
    URI_IN_TEXT,
    (_all, scheme: string, authority: string, path: string, query?: string, fragment?: string) =>
      scheme + hostOf(authority) + path + (query ? redactParams(query) : '') + (fragment ? redactParams(fragment) : ''),
  );
}

/** Whether a query or fragment parameter of this name holds a credential. */
export function isCredentialName(name: string): boolean {
  const words = decodeLoosely(name)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const joined = words.join('_');
  return words.some((w) => CREDENTIAL_WORD.test(w)) || CREDENTIAL_PART.test(joined) || CREDENTIAL_WORD.test(joined);
}

/**
 * The credentials the URIs in a text carry, as written and percent-decoded: each password, a
 * userinfo without a password (a token as the user name), and every credential parameter's value.
 */
export function uriCredentials(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(URI_IN_TEXT)) {
    const authority = m[2];
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      const colon = userinfo.indexOf(':');
      found.push(colon >= 0 ? userinfo.slice(colon + 1) : userinfo);
    }
    for (const part of [m[4], m[5]]) {
      if (!part) continue;
      for (const { name, value } of params(part.slice(1))) if (isCredentialName(name)) found.push(value);
    }
  }
  return [...new Set(found.flatMap((s) => [s, decodeLoosely(s), decodeLoosely(s.replace(/\+/g, ' '))]).filter((s) => s !== '' && s !== REDACTED))];
}

function hostOf(authority: string): string {
  const at = authority.lastIndexOf('@');
  return at >= 0 ? authority.slice(at + 1) : authority;
}

/** `?a=1&api_key=s;b` keeps its shape, with each credential's value replaced. */
function redactParams(part: string): string {
  return (
    part[0] +
    params(part.slice(1))
      .map((p) => (p.value !== '' && isCredentialName(p.name) ? `${p.name}=${REDACTED}${p.rest}` : p.raw))
      .join('')
  );
}

/**
 * Parameters with their separators kept: a value ends at `&`, `;` or a quote (a message's
 * closing quote belongs to the message, and no token holds one).
 */
function params(body: string): Array<{ raw: string; name: string; value: string; rest: string }> {
  const out = [];
  for (const m of body.matchAll(/([^&;=']*)(?:=([^&;']*))?([^&;]*[&;]?)/g)) {
    if (m[0] === '') continue;
    out.push({ raw: m[0], name: m[1], value: m[2] ?? '', rest: m[3] });
  }
  return out;
}

function decodeLoosely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
