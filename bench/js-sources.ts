// npx tsx bench/js-sources.ts [dir] — what /connections' first-load JavaScript is made of, by
// package or console folder: each script the page loads (the build's root main files and the
// page's client entries), its bytes attributed to the source files its source map names.
// Needs a build with browser source maps, made apart from the console's own build, e.g.:
//   git worktree add /tmp/sources HEAD && cd /tmp/sources && cp -al ../path/node_modules . &&
//   sed -i 's/poweredByHeader: false,/&\n  productionBrowserSourceMaps: true,/' next.config.mjs &&
//   npx next build && npx tsx bench/js-sources.ts
// Raw (minified) bytes; the last column scales them to the page's gzip total, an estimate only.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";

const dir = path.resolve(process.argv[2] ?? ".", ".next");
const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
runInNewContext(
  readFileSync(path.join(dir, "server/app/(console)/connections/page_client-reference-manifest.js"), "utf8"),
  sandbox,
);
const entries = Object.values(sandbox.__RSC_MANIFEST ?? {})[0]?.entryJSFiles ?? {};
const root = (JSON.parse(readFileSync(path.join(dir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] })
  .rootMainFiles;
const files = new Set([...root, ...Object.values(entries).flat()]);

/** A source file's group: the npm package (next by its top folders), or the console's folder. */
function group(source: string): string {
  const at = source.lastIndexOf("node_modules/");
  if (at < 0)
    return source
      .replace(/^.*?\/(app|components|lib|server)\//, "$1/")
      .split("/")
      .slice(0, 2)
      .join("/");
  const parts = source.slice(at + "node_modules/".length).split("/");
  if (parts[0] === "next") return `next/${parts.slice(1, 3).join("/")}`;
  return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? source);
}

const bytes = new Map<string, number>();
let raw = 0;
let gzip = 0;
for (const file of files) {
  const code = readFileSync(path.join(dir, file), "utf8");
  raw += code.length;
  gzip += gzipSync(code).length;
  const ref = /sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
  const mapFile = ref ? path.join(dir, path.dirname(file), ref) : "";
  if (!ref || !existsSync(mapFile)) {
    bytes.set("(no source map)", (bytes.get("(no source map)") ?? 0) + code.length);
    continue;
  }
  const map = new SourceMapConsumer(JSON.parse(readFileSync(mapFile, "utf8")) as RawSourceMap);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === "\n") lineStarts.push(i + 1);
  const marks: [number, string][] = [];
  map.eachMapping((m) => marks.push([(lineStarts[m.generatedLine - 1] ?? 0) + m.generatedColumn, m.source ?? ""]));
  marks.sort((a, b) => a[0] - b[0]);
  marks.forEach(([at, source], i) => {
    const key = source ? group(source) : "(unmapped)";
    bytes.set(key, (bytes.get(key) ?? 0) + ((marks[i + 1]?.[0] ?? code.length) - at));
  });
}
const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
console.log(`/connections: ${files.size} scripts, ${kb(raw)} raw, ${kb(gzip)} gzip`);
console.log("| source | raw | ≈ gzip |\n|---|---|---|");
for (const [key, n] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`| ${key} | ${kb(n)} | ${kb((n * gzip) / raw)} |`);
