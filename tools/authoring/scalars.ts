import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { isIsoDate } from '../model/dates.js';

/** How a scalar is written: the styles a one-line value can keep. */
export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

/** The style of an existing scalar node, as far as a one-line replacement can keep it. */
export function keepableStyle(type: string | undefined): ScalarStyle {
  return type === 'QUOTE_SINGLE' || type === 'QUOTE_DOUBLE' ? type : type === 'PLAIN' ? 'PLAIN' : 'QUOTE_DOUBLE';
}

/**
 * Writes a text value as a one-line YAML scalar in the wanted style, falling back to double
 * quotes where the style cannot hold the value. A plain scalar is only written when YAML 1.2
 * (this toolkit) and YAML 1.1 readers (js-yaml, PyYAML) both read it back as the same text; an
 * ISO date is the one exception, written plain as the documents conventionally do (YAML 1.1
 * readers take it for that same calendar date).
 */
export function formatScalar(value: string, style: ScalarStyle): string {
  if (style === 'PLAIN') {
    if (isIsoDate(value) || plainIsSafe(value)) return value;
    return doubleQuoted(value);
  }
  if (style === 'QUOTE_SINGLE' && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) return `'${value.replaceAll("'", "''")}'`;
  return doubleQuoted(value);
}

/**
 * A scalar as an item of a flow sequence (`[a, b]`): there a plain scalar must also read back
 * whole, since `,`, `[`, `]`, `{`, `}` and `: ` end it or open a collection.
 */
export function formatFlowScalar(value: string, style: ScalarStyle): string {
  if (style === 'PLAIN' && !(readsAsFlowItem(value, '1.2') && readsAsFlowItem(value, '1.1'))) return doubleQuoted(value);
  return formatScalar(value, style);
}

export function doubleQuoted(value: string): string {
  return JSON.stringify(value);
}

const safeCache = new Map<string, boolean>();

/** Whether a plain scalar reads back as exactly this text in YAML 1.2 and in YAML 1.1. */
export function plainIsSafe(value: string): boolean {
  if (value === '' || value !== value.trim() || /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value)) return false;
  const cached = safeCache.get(value);
  if (cached !== undefined) return cached;
  const safe = readsAs(value, '1.2') && readsAs(value, '1.1');
  safeCache.set(value, safe);
  return safe;
}

function readsAs(value: string, version: '1.1' | '1.2'): boolean {
  const doc = parseDocument(`k: ${value}\n`, { version });
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.items.length !== 1) return false;
  const node = doc.contents.items[0]?.value;
  return isScalar(node) && node.type === 'PLAIN' && node.value === value;
}

function readsAsFlowItem(value: string, version: '1.1' | '1.2'): boolean {
  const doc = parseDocument(`k: [${value}]\n`, { version });
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.items.length !== 1) return false;
  const seq = doc.contents.items[0]?.value;
  if (!isSeq(seq) || seq.items.length !== 1) return false;
  const node = seq.items[0];
  return isScalar(node) && node.type === 'PLAIN' && node.value === value;
}
