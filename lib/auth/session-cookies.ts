// Auth.js's session cookie names, with no other import, so the proxy can read them too: the second
// when the portal is served over HTTPS. The name is also the key-derivation salt of the cookie.
export const SESSION_COOKIE_NAMES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;
