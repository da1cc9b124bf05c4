import type { StoredScan } from '../scan/scan.types.js';

export interface ApplyRequest {
  scan_id?: string;
  category_ids?: string[];
  mode?: string;
}

export type CheckedRequest = { scan: StoredScan; mode: 'recycle' | 'permanent'; ids: string[] } | { error: string };

/**
 * The earlier engine's order (scan id, mode, scan lookup), then the rule it lacked: category_ids
 * must be a non-empty list of categories of this scan. An empty list never means "everything".
 */
export function checkRequest(request: ApplyRequest, lookup: (id: string) => StoredScan | undefined): CheckedRequest {
  const scanId = (request.scan_id ?? '').trim();
  if (!scanId) return { error: 'Missing scan_id' };
  const mode = (request.mode ?? 'recycle').trim().toLowerCase();
  if (mode !== 'recycle' && mode !== 'permanent') return { error: `Unknown cleanup mode: '${request.mode}'; use recycle or permanent` };
  const scan = lookup(scanId);
  if (!scan) return { error: 'Unknown or expired scan_id' };
  const ids = [...new Set((request.category_ids ?? []).map((id) => id.trim()).filter(Boolean))];
  if (ids.length === 0) return { error: 'category_ids must list at least one category of this scan; an empty list never means everything' };
  const foreign = ids.filter((id) => !scan.recorded.has(id));
  if (foreign.length > 0) return { error: `category_ids not in scan ${scanId}: ${foreign.join(', ')}; nothing was deleted` };
  return { scan, mode, ids };
}
