import type { NextRequest } from "next/server";
import { handleRelinkCallback } from "@/server/oauth/http-handlers";

export const dynamic = "force-dynamic";

export function GET(request: NextRequest) {
  return handleRelinkCallback(request);
}
