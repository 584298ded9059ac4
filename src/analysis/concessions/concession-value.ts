import type { IssueValue } from '../../outcomes/issue.js';

/** A value as concessions print it: numbers with thousands separators, options as written. */
export function fmtValueOf(v: IssueValue): string {
  return typeof v === 'number' ? v.toLocaleString('en-US') : String(v);
}
