/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["better-sqlite3", "pg", "kysely"],
  poweredByHeader: false,
  // gzip for pages, scripts, styles and JSON over 1 KB (Next's default, kept on purpose; the e2e
  // suite checks it). Brotli would save a further ~13% of first-load script (precompressed at
  // quality 11; on-the-fly Brotli at a cheap level gains little over gzip), but Next cannot serve
  // it itself: it needs a custom server in place of `next start` or precompressed files with a
  // static handler of our own. A reverse proxy or CDN in front negotiates Brotli more robustly.
  compress: true,
  typedRoutes: false,
  // Tests, scripts and benchmarks are type-checked by `npm run typecheck`, not by the app build.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // The static security headers, on every response (pages, API, assets). The per-request ones,
  // the CSP with its nonce and HSTS, are set by proxy.ts (server/http/security-headers.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          // For browsers without CSP frame-ancestors; nothing here is meant to be framed.
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        // The public relink pages carry a token in the URL: never stored by a cache.
        source: "/link/:path*",
        headers: [{ key: "Cache-Control", value: "no-store" }],
      },
    ];
  },
};
export default nextConfig;
