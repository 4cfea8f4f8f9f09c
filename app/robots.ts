import type { MetadataRoute } from 'next';

/**
 * /robots.txt, public (lib/auth/routes.ts): crawlers may read the landing page
 * and nothing else. Every other page also says `noindex` itself (the root
 * layout's default; only app/page.tsx opts in), which is what keeps a page
 * out of an index even when a link to it is found elsewhere.
 */
export default function robots(): MetadataRoute.Robots {
  return { rules: [{ userAgent: '*', allow: '/$', disallow: '/' }] };
}
