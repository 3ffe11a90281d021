// One page of a search, within its row budget (search-budget.ts), in three steps:
// 1. a short walk of the sort index: a term matching one row in eight or more fills its page
//    here, without asking the index at all;
// 2. the search index, for at most the id budget's matches: a rare term is then an id list,
//    read by primary key and sorted (search.ts, search-index.ts);
// 3. otherwise the rest of the walk's budget, from where the short walk stopped. What the
//    budget cannot reach comes back as a partial page with a cursor at the last row examined.
import type { SelectQueryBuilder } from "kysely";
import type { Database } from "../../../db/types";
import type { Cursor } from "../../pagination/cursor";
import type { TenantScope } from "../../scope/tenant-scope";
import { readKeyset, type KeysetRequest } from "./keyset";
import { errorGroupsMatch, matchingTenantIds, normaliseSearchTerm, planSearch, type SearchPlan } from "./search";
import { QUICK_WALK_PER_ROW, type SearchBudget, type SearchTrace } from "./search-budget";
import { walkKeyset } from "./search-walk";

type Base<O> = SelectQueryBuilder<Database, "connections", O>;

export async function readSearchRows<O>(
  scope: TenantScope,
  raw: string,
  req: KeysetRequest,
  budget: SearchBudget,
  trace: SearchTrace,
  query: (plan: SearchPlan) => Base<O>,
): Promise<{ rows: O[]; stoppedAt: Cursor | null }> {
  const term = normaliseSearchTerm(raw);
  const [tenantIds, errors] = await Promise.all([matchingTenantIds(scope, term), errorGroupsMatch(scope, term)]);
  const scan: SearchPlan = { kind: "scan", term, tenantIds, sample: [], errors };
  const quick = await walkKeyset(scope, query(scan), req, Math.min(budget.walk, QUICK_WALK_PER_ROW * (req.limit + 1)));
  trace.walkRows += quick.examined;
  trace.steps.push("walk");
  if (!quick.stoppedAt) return { rows: quick.rows, stoppedAt: null };

  const plan = await planSearch(scope, raw, budget.ids, trace);
  if (plan.kind === "ids") {
    trace.idRows += plan.ids.length;
    trace.steps.push("ids");
    return { rows: await readKeyset(query(plan), req), stoppedAt: null };
  }

  const rest = budget.walk - quick.examined;
  let rows = quick.rows;
  let stoppedAt: Cursor | null = quick.stoppedAt;
  if (rest > 0) {
    const more = await walkKeyset(
      scope,
      query(plan),
      { ...req, cursor: quick.stoppedAt, limit: req.limit - quick.rows.length },
      rest,
    );
    trace.walkRows += more.examined;
    rows = [...rows, ...more.rows];
    stoppedAt = more.stoppedAt;
  }
  if (stoppedAt) trace.steps.push("partial");
  return { rows, stoppedAt };
}
