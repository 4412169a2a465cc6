import { z } from 'zod';

/**
 * Request shapes of the Looker dashboard routes. Bodies are loose: Looker clients send whole
 * objects back, read-only keys (`id`, `can`, `view_count`…) included, and those are ignored.
 * `dashboard_elements`, `dashboard_filters` and `dashboard_layouts` are read-only in the 3.0 spec
 * (Looker writes them through their own endpoints); Tessera also accepts them here, which is how
 * a dashboard's content is written through this face.
 */
const text = z.string().max(10_000);
const nullableText = text.nullish();

export const lookerQuerySchema = z.looseObject({
  model: z.string().min(1).max(255),
  view: z.string().min(1).max(255),
  fields: z.array(z.string().max(1024)).max(1000).nullish(),
  pivots: z.array(z.string().max(1024)).max(100).nullish(),
  fill_fields: z.array(z.string().max(1024)).max(100).nullish(),
  filters: z.record(z.string().max(1024), z.string().max(10_000).nullable()).nullish(),
  filter_expression: nullableText,
  sorts: z.array(z.string().max(1024)).max(100).nullish(),
  limit: z.union([z.string().max(20), z.number()]).nullish(),
  total: z.boolean().nullish(),
  row_total: nullableText,
  subtotals: z.array(z.string().max(1024)).max(100).nullish(),
  vis_config: z.record(z.string(), z.unknown()).nullish(),
  /** JSON text (the API), or the list itself (LookML). */
  dynamic_fields: z.union([text, z.array(z.record(z.string(), z.unknown())).max(1000)]).nullish(),
  column_limit: z.union([z.string().max(20), z.number()]).nullish(),
  query_timezone: nullableText,
});

export const lookerElementSchema = z.looseObject({
  id: z.union([z.string().max(255), z.number()]).nullish(),
  type: z.string().max(255).nullish(),
  title: nullableText,
  title_hidden: z.boolean().nullish(),
  title_text: nullableText,
  subtitle_text: nullableText,
  body_text: z.string().max(1_000_000).nullish(),
  note_text: nullableText,
  query: lookerQuerySchema.nullish(),
  result_maker: z.looseObject({ query: lookerQuerySchema.nullish() }).nullish(),
  look_id: z.union([z.string(), z.number()]).nullish(),
  merge_result_id: z.union([z.string(), z.number()]).nullish(),
  query_id: z.union([z.string(), z.number()]).nullish(),
});
export type LookerElementInput = z.infer<typeof lookerElementSchema>;

export const lookerFilterSchema = z.looseObject({
  name: z.string().max(255).nullish(),
  title: z.string().max(1024).nullish(),
  type: z.string().max(255).nullish(),
  default_value: nullableText,
  model: z.string().max(255).nullish(),
  explore: z.string().max(255).nullish(),
  dimension: z.string().max(1024).nullish(),
  row: z.number().nullish(),
  listens_to_filters: z.array(z.string().max(255)).max(100).nullish(),
  allow_multiple_values: z.boolean().optional(),
  required: z.boolean().optional(),
  ui_config: z.record(z.string(), z.unknown()).nullish(),
});

const componentSchema = z.looseObject({
  dashboard_element_id: z.union([z.string().max(255), z.number()]).nullish(),
  row: z.number().nullish(),
  column: z.number().nullish(),
  width: z.number().nullish(),
  height: z.number().nullish(),
});
export const lookerLayoutSchema = z.looseObject({
  active: z.boolean().optional(),
  dashboard_layout_components: z.array(componentSchema).max(1000).nullish(),
});

const color = z.string().max(255).nullish();

export const lookerDashboardBodySchema = z.looseObject({
  title: z.string().trim().min(1).max(255).nullish(),
  description: nullableText,
  space_id: z.string().max(255).nullish(),
  folder_id: z.string().max(255).nullish(),
  hidden: z.boolean().optional(),
  deleted: z.boolean().optional(),
  query_timezone: z.string().max(255).nullish(),
  refresh_interval: z.string().max(255).nullish(),
  background_color: color,
  title_color: color,
  tile_text_color: color,
  tile_background_color: color,
  text_tile_text_color: color,
  show_title: z.boolean().optional(),
  show_filters_bar: z.boolean().optional(),
  crossfilter_enabled: z.boolean().optional(),
  load_configuration: z.string().max(255).nullish(),
  lookml_link_id: z.string().max(1024).nullish(),
  slug: z.string().max(255).nullish(),
  dashboard_elements: z.array(lookerElementSchema).max(1000).nullish(),
  dashboard_filters: z.array(lookerFilterSchema).max(100).nullish(),
  dashboard_layouts: z.array(lookerLayoutSchema).max(10).nullish(),
});
export type LookerDashboardBody = z.infer<typeof lookerDashboardBodySchema>;

const commaList = z.string().max(10_000);
const count = z.coerce.number().int().min(0);

/** search_dashboards' query string (3.0: no `filter_or`). */
export const searchQuerySchema = z.object({
  id: commaList.optional(),
  slug: z.string().max(1024).optional(),
  title: z.string().max(1024).optional(),
  description: z.string().max(1024).optional(),
  content_favorite_id: z.string().max(255).optional(),
  space_id: commaList.optional(),
  folder_id: commaList.optional(),
  deleted: z.enum(['true', 'false']).optional(),
  user_id: z.string().max(255).optional(),
  view_count: z.string().max(20).optional(),
  fields: z.string().max(2000).optional(),
  page: count.optional(),
  per_page: count.optional(),
  limit: count.optional(),
  offset: count.optional(),
  sorts: z.string().max(1000).optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

const prefetchValue = z.looseObject({ name: z.string().max(255).nullish(), value: z.string().max(10_000).nullish() });

/** create_dashboard_prefetch's body (`PrefetchDashboardRequest`). */
export const prefetchBodySchema = z.looseObject({
  ttl: z.number().int().min(0).nullish(),
  dashboard_filters: z.array(prefetchValue).max(100).nullish(),
});

/** dashboard_prefetch's `dashboard_filters`: a JSON-encoded array of `{name, value}`. */
export const prefetchFiltersParam = z
  .string()
  .max(100_000)
  .transform((text, ctx) => {
    try {
      return z.array(prefetchValue).parse(JSON.parse(text));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of {name, value} (a filter name and a Looker filter expression)' });
      return z.NEVER;
    }
  });
