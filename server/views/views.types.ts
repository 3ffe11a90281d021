import { z } from "zod";

export const TABLE_KEYS = ["connections"] as const;
export const DENSITIES = ["comfortable", "compact"] as const;
const ZTableKey = z.enum(TABLE_KEYS);

export const ZSavedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  query: z.string(),
  updated_at: z.string(),
});
export type SavedView = z.infer<typeof ZSavedViewSchema>;

export const ZListViewsRequestSchema = z.object({ table: ZTableKey });
export const ZSaveViewRequestSchema = z.object({
  table: ZTableKey,
  name: z.string().trim().min(1, "Give the view a name.").max(80),
  /** the table's URL query string, without the leading "?" */
  query: z
    .string()
    .max(4000)
    .refine((q) => !q.startsWith("?"), "query: without the leading ?"),
});
export const ZDeleteViewRequestSchema = z.object({ id: z.string().min(1) });

export const ZTablePrefsSchema = z.object({
  hiddenColumns: z.array(z.string().max(60)).max(50),
  density: z.enum(DENSITIES),
});
export type TablePrefs = z.infer<typeof ZTablePrefsSchema>;
export const ZSetTablePrefsRequestSchema = ZTablePrefsSchema.extend({ table: ZTableKey });
