// The TanStack Table v9 features every data table here registers: row selection (bulk
// actions) and column visibility (view options). Sorting and paging are on the server.
import { columnVisibilityFeature, rowSelectionFeature, tableFeatures } from "@tanstack/react-table";

export const dataTableFeatures = tableFeatures({ rowSelectionFeature, columnVisibilityFeature });
export type DataTableFeatures = typeof dataTableFeatures;
