import type { NextRequest } from "next/server";
import { handleSandboxDecision } from "@/server/sandbox-oauth/http-handlers";

export const dynamic = "force-dynamic";

export function POST(request: NextRequest) {
  return handleSandboxDecision(request);
}
