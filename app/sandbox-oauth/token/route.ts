import type { NextRequest } from "next/server";
import { handleSandboxTokenRequest } from "@/server/sandbox-oauth/http-handlers";

export const dynamic = "force-dynamic";

export function POST(request: NextRequest) {
  return handleSandboxTokenRequest(request);
}
