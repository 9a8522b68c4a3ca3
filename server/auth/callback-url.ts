/**
 * Where to go after signing in (the login page's `callbackUrl`): only a path on this site. Anything else —
 * another origin ("https://evil.com", "//evil.com", "/\\evil.com"), a scheme ("javascript:…"), control
 * characters, the login page itself or an API route — becomes "/". Pure: used by the server and the login form.
 */

/** The request header the proxy (proxy.ts) puts the requested path + query in, for the login redirect. */
export const REQUEST_PATH_HEADER = "x-fluxo-path";

const BASE = "http://fluxo.invalid";
const MAX_LENGTH = 2000;

export function safeCallbackPath(raw: unknown): string {
  if (typeof raw !== "string" || raw === "" || raw.length > MAX_LENGTH) return "/";
  // A relative path only: one leading slash, no backslash (browsers read "\" as "/"), no control characters.
  if (!raw.startsWith("/") || raw.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(raw)) return "/";
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  if (url.pathname === "/login" || url.pathname.startsWith("/login/") || url.pathname.startsWith("/api/")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The login page, remembering `path` when it is worth coming back to ("/login" alone for the dashboard). */
export function loginHref(path: unknown): string {
  const safe = safeCallbackPath(path);
  return safe === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(safe)}`;
}
