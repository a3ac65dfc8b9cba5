/**
 * Security headers of the HTML pages this server serves (the dashboard, the queue board). Every page starts
 * from the same policy: scripts only from this origin, API calls only to it, no plugins, no framing by other
 * sites (clickjacking), no referrer. Inline styles are allowed: React's style props and the chart, graph and
 * board libraries set them. A page widens single directives, never the whole policy.
 */
const BASE_POLICY: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

export function pageHeaders(directives: Readonly<Record<string, string>> = {}): Record<string, string> {
  const policy = { ...BASE_POLICY, ...directives };
  return {
    'content-security-policy': Object.entries(policy)
      .map(([name, value]) => `${name} ${value}`)
      .join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
}
