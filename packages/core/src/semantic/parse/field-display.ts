import { COMPACTS, FORMATS } from '../types/explore.js';
import type { CompactOrAlias, DefaultTimeDimension, Format, FieldUrl, TimeFrame } from '../types/explore.js';
import { TIME_FRAMES } from '../types/explore.js';
import { isRecord } from '../util/meta-reader.js';
import type { MetaReader } from '../util/meta-reader.js';

/** Display and access keys shared by dimensions and metrics, as draft output properties. */
export interface FieldDisplay {
  description?: string;
  format?: Format;
  formatExpression?: string;
  round?: number;
  compact?: CompactOrAlias;
  separator?: string;
  groupLabel?: string;
  groups?: string[];
  urls?: FieldUrl[];
  tags?: string[];
  requiredAttributes?: Record<string, string | string[]>;
  anyAttributes?: Record<string, string | string[]>;
  spotlight?: unknown;
  aiHint?: unknown;
  image?: unknown;
}

const SEPARATORS = ['default', 'commaPeriod', 'spacePeriod', 'periodComma', 'noSeparatorPeriod', 'apostrophePeriod'];

/**
 * Applies one of the shared keys to `out`; returns false for any other key. Unset properties stay
 * absent (not `undefined`) so compiled fields stay small. `format` outside the 0.1411 enum (a
 * spreadsheet expression, `jpy`) goes to `formatExpression`; a `compact` unit outside the enum is
 * a warning and dropped. Callers walk the keys a field has — most have few — instead of probing
 * every key a field could have.
 */
export const applyDisplayKey = (read: MetaReader, key: string, out: FieldDisplay & { label?: string; hidden?: boolean }): boolean => {
  switch (key) {
    case 'label': {
      const label = read.string(key);
      if (label !== undefined) out.label = label;
      return true;
    }
    case 'hidden':
      out.hidden = read.boolean(key) ?? false;
      return true;
    case 'description': {
      const description = read.string(key);
      if (description) out.description = description;
      return true;
    }
    case 'format': {
      const format = read.string(key);
      if (format !== undefined && format !== '') {
        if ((FORMATS as readonly string[]).includes(format)) out.format = format as Format;
        else out.formatExpression = format;
      }
      return true;
    }
    case 'round': {
      const round = read.number(key);
      if (round !== undefined) out.round = round;
      return true;
    }
    case 'compact': {
      const compact = read.string(key);
      if (compact === undefined) return true;
      if ((COMPACTS as readonly string[]).includes(compact)) out.compact = compact as CompactOrAlias;
      else read.reporter.warning(`"compact: ${compact}" is not supported (expected one of ${COMPACTS.join(', ')}); ignored`);
      return true;
    }
    case 'separator': {
      const separator = read.string(key);
      if (separator === undefined) return true;
      if (SEPARATORS.includes(separator)) out.separator = separator;
      else read.reporter.error(`"separator" is "${separator}"; expected one of ${SEPARATORS.join(', ')}`);
      return true;
    }
    case 'group_label': {
      const groupLabel = read.string(key);
      if (groupLabel) out.groupLabel = groupLabel;
      return true;
    }
    case 'groups': {
      const groups = read.stringList(key);
      if (groups?.length) out.groups = groups;
      return true;
    }
    case 'urls': {
      const urls = readUrls(read);
      if (urls) out.urls = urls;
      return true;
    }
    case 'tags': {
      const tags = read.stringList(key);
      if (tags) out.tags = tags;
      return true;
    }
    case 'required_attributes':
    case 'any_attributes': {
      const attributes = read.attributes(key);
      if (attributes) out[key === 'required_attributes' ? 'requiredAttributes' : 'anyAttributes'] = attributes;
      return true;
    }
    case 'spotlight':
      out.spotlight = read.raw(key);
      return true;
    case 'ai_hint':
      out.aiHint = read.raw(key);
      return true;
    case 'image':
      out.image = read.raw(key);
      return true;
    default:
      return false;
  }
};

const readUrls = (read: MetaReader): FieldUrl[] | undefined => {
  const list = read.list('urls');
  if (!list) return undefined;
  const urls: FieldUrl[] = [];
  list.forEach((item, i) => {
    if (isRecord(item) && typeof item.url === 'string' && typeof item.label === 'string') {
      urls.push({ label: item.label, url: item.url });
    } else {
      read.reporter.error(`"urls[${i}]" must be a mapping with text "label" and "url"`);
    }
  });
  return urls;
};

/** `default_time_dimension: {field, interval}`. */
export const readDefaultTimeDimension = (read: MetaReader): DefaultTimeDimension | undefined => {
  const rec = read.record('default_time_dimension');
  if (!rec) return undefined;
  const interval = typeof rec.interval === 'string' ? rec.interval.toUpperCase() : undefined;
  if (typeof rec.field !== 'string' || !interval || !(TIME_FRAMES as readonly string[]).includes(interval)) {
    read.reporter.error(`"default_time_dimension" must have a "field" and an "interval" among ${TIME_FRAMES.join(', ')}`);
    return undefined;
  }
  return { field: rec.field, interval: interval as TimeFrame };
};
