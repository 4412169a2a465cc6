import type { AdditionalMetric } from '@tessera/core';
import type { ProjectGuard } from '../projects/project-guard.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { ChartListingService } from './chart-listing-service.js';
import type { SavedChartRepository } from './saved-chart-repository.js';

/** getCustomMetrics item: a custom metric of a saved chart, with the YAML to make it a real metric. */
export type CustomMetricUse = { name: string; label: string; modelName: string; yml: string; chartLabel: string; chartUrl: string };

/** A YAML scalar: JSON text is valid YAML, so quoting with JSON.stringify is always safe. */
const scalar = (value: unknown): string => JSON.stringify(value);

/**
 * The dbt column entry declaring `metric` under its base dimension, ready to paste into the model's
 * YAML (`columns:` list item with `meta.metrics`), as the anchor's export writes it.
 */
export const customMetricYaml = (metric: AdditionalMetric): string => {
  const properties: [string, unknown][] = [
    ['label', metric.label ?? metric.name],
    ['description', metric.description],
    ['type', metric.type],
    ['sql', metric.baseDimensionName === undefined ? metric.sql : undefined],
    ['round', metric.round],
    ['compact', metric.compact],
    ['format', metric.format],
    ['percentile', metric.percentile],
    ['hidden', metric.hidden],
    ['filters', metric.filters?.length ? metric.filters.map((f) => ({ [f.target.fieldRef]: { operator: f.operator, values: f.values ?? [] } })) : undefined],
  ];
  return [
    `- name: ${scalar(metric.baseDimensionName ?? metric.name)}`,
    '  meta:',
    '    metrics:',
    `      ${scalar(metric.name)}:`,
    ...properties.filter(([, v]) => v !== undefined).map(([k, v]) => `        ${k}: ${scalar(v)}`),
    '',
  ].join('\n');
};

/**
 * The custom (additional) metrics used in the latest version of the project's saved charts that the
 * user may see (space access, as ListChartsInProject), one entry per chart and metric. Without view
 * on the project: 403, as the other project routes.
 */
export class CustomMetricsService {
  constructor(
    private readonly guard: ProjectGuard,
    private readonly charts: SavedChartRepository,
    private readonly listing: ChartListingService,
    private readonly siteUrl: string,
  ) {}

  async list(account: MemberAccount, projectUuid: string): Promise<CustomMetricUse[]> {
    const { project } = await this.guard.authorize(account, projectUuid, 'view');
    const visible = await this.listing.visibleCharts(account, project.projectUuid);
    if (visible.length === 0) return [];
    const queries = await this.charts.latestMetricQueries(project.projectUuid);
    return visible.flatMap(({ chart }) =>
      (queries.get(chart.uuid)?.additionalMetrics ?? []).map((metric) => ({
        name: metric.name,
        label: metric.label ?? metric.name,
        modelName: metric.table,
        yml: customMetricYaml(metric),
        chartLabel: chart.name,
        chartUrl: `${this.siteUrl}/projects/${chart.projectUuid}/saved/${chart.uuid}/view`,
      })),
    );
  }
}
