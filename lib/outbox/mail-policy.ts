// The Content-Security-Policy of an e-mail's HTML part shown in the portal
// (app/api/mail/[id]/html): its inline styles apply; nothing runs, loads, submits or frames it.
// No imports: the proxy reads it too.
export const MAIL_HTML_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; sandbox allow-popups allow-popups-to-escape-sandbox";

export const MAIL_HTML_PATH = /^\/api\/mail\/[^/]+\/html$/;
