// REST API v1: every /api/v1/... operation, with Authorization: Bearer <api key>. See docs/API.md
// and GET /api/v1/openapi.json.
import { serveRest } from "@/server/rest/rest-endpoint";

export const dynamic = "force-dynamic";

export const GET = serveRest;
export const POST = serveRest;
export const PUT = serveRest;
export const PATCH = serveRest;
export const DELETE = serveRest;
