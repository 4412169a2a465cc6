import type { InlineErrorType } from '../types/explore.js';

export type Severity = 'error' | 'warning';

/** One finding, with the file it comes from and where inside it (["metric revenue", "filters"]). */
export interface Diagnostic {
  severity: Severity;
  type: InlineErrorType;
  file: string;
  breadcrumbs: string[];
  message: string;
}

/**
 * Collects findings instead of throwing, so one pass reports every problem of a model (after
 * Cube's ErrorReporter). `inContext` returns a child that adds a breadcrumb and shares the list;
 * children are cheap (a parent pointer), the breadcrumb path is built only when something is
 * reported.
 */
export class ErrorReporter {
  private constructor(
    readonly file: string,
    private readonly sink: Diagnostic[],
    private readonly parent: ErrorReporter | undefined,
    private readonly crumb: string | undefined,
  ) {}

  static forFile(file: string, breadcrumbs: readonly string[] = []): ErrorReporter {
    let reporter = new ErrorReporter(file, [], undefined, undefined);
    for (const crumb of breadcrumbs) reporter = reporter.inContext(crumb);
    return reporter;
  }

  inContext(crumb: string): ErrorReporter {
    return new ErrorReporter(this.file, this.sink, this, crumb);
  }

  get breadcrumbs(): string[] {
    const above = this.parent ? this.parent.breadcrumbs : [];
    return this.crumb === undefined ? above : [...above, this.crumb];
  }

  error(message: string, type: InlineErrorType = 'METADATA_PARSE_ERROR'): void {
    this.sink.push({ severity: 'error', type, file: this.file, breadcrumbs: this.breadcrumbs, message });
  }

  warning(message: string): void {
    this.sink.push({ severity: 'warning', type: 'METADATA_PARSE_ERROR', file: this.file, breadcrumbs: this.breadcrumbs, message });
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.sink;
  }

  hasErrors(): boolean {
    return this.sink.some((d) => d.severity === 'error');
  }
}

/** `models/orders.yml: explore orders → metric revenue: message`. */
export const formatDiagnostic = (d: Pick<Diagnostic, 'file' | 'breadcrumbs' | 'message'>): string => {
  const where = d.breadcrumbs.length ? `${d.breadcrumbs.join(' → ')}: ` : '';
  return `${d.file ? `${d.file}: ` : ''}${where}${d.message}`;
};

/** Re-roots diagnostics under leading breadcrumbs (a table's findings shown inside an explore). */
export const withPrefix = (diagnostics: readonly Diagnostic[], prefix: readonly string[]): Diagnostic[] =>
  diagnostics.map((d) => ({ ...d, breadcrumbs: [...prefix, ...d.breadcrumbs] }));
