// Reads a request body as UTF-8 text, refusing more than `limit` bytes without buffering past
// it (a lying or missing Content-Length is caught while streaming).
export type BodyRead = { ok: true; text: string } | { ok: false; tooLarge: boolean; message: string };

export async function readLimitedBody(request: Request, limit: number): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  const tooLarge = {
    ok: false as const,
    tooLarge: true,
    message: `Body too large: the limit is ${limit} bytes (${Math.round(limit / 1024 / 1024)} MB); send smaller batches.`,
  };
  if (Number.isFinite(declared) && declared > limit) return tooLarge;
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return tooLarge;
    }
    chunks.push(value);
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, tooLarge: false, message: "Body is not valid UTF-8 text." };
  }
}
