/**
 * GET /mailFolders/{id}/messages/delta: the first round returns every message of the folder, later rounds (with
 * the $deltatoken of the last @odata.deltaLink) only what was added or changed, and what left the folder as
 * `{"id": …, "@removed": {"reason": "deleted"}}`. Each round pages by @odata.nextLink ($skiptoken) and ends with
 * @odata.deltaLink. A token stands for a snapshot kept in Graph's memory (message id → change key).
 */
import { exchangeFacts } from '../../../data/exchange.ts';
import { headerValue, type HttpResponse } from '../../shared/http-types.ts';
import { changeKey } from '../ids.ts';
import { guid } from '../identity/http.ts';
import { accessDenied, allows, contextUrl, type GraphContext } from './context.ts';
import { graphError, graphJson, GRAPH_ROOT } from './http.ts';
import { folderOf, mailFolderId, messageId } from './ids.ts';
import { notFound, READ } from './read.ts';
import { messageJson, readSelect } from './render.ts';
import type { DeltaSnapshot } from './state.ts';

/** The rest of a round not yet paged out, by skip token. */
const pending = new WeakMap<DeltaSnapshot, Record<string, unknown>[]>();

/** The page size a client asked for with `Prefer: odata.maxpagesize=n`, else Graph's default page. */
function pageSize(ctx: GraphContext): number {
  const m = /odata\.maxpagesize=(\d{1,4})/i.exec(headerValue(ctx.request.headers, 'Prefer') ?? '');
  const n = m ? Number(m[1]) : exchangeFacts.graphLimits.defaultPageSize;
  return Math.min(Math.max(n, 1), exchangeFacts.graphLimits.maxPageSize);
}

function page(ctx: GraphContext, folder: string, snapshotId: string, snapshot: DeltaSnapshot, items: Record<string, unknown>[]): HttpResponse {
  const size = pageSize(ctx);
  const now = items.slice(0, size);
  const rest = items.slice(size);
  const path = `${GRAPH_ROOT}/${ctx.base}/mailFolders/${encodeURIComponent(folder)}/messages/delta`;
  const body: Record<string, unknown> = { '@odata.context': contextUrl(ctx, `mailFolders('${folder}')/messages/$delta`), value: now };
  if (rest.length > 0) {
    const skip = guid(ctx.world);
    const next: DeltaSnapshot = { ...snapshot };
    pending.set(next, rest);
    ctx.state.deltas.set(`skip:${skip}`, next);
    body['@odata.nextLink'] = `${path}?%24skiptoken=${skip}`;
  } else {
    body['@odata.deltaLink'] = `${path}?%24deltatoken=${snapshotId}`;
  }
  return graphJson(ctx.world, 200, body);
}

/** One delta request. */
export function delta(ctx: GraphContext, folder: string): HttpResponse {
  if (!allows(ctx, ...READ)) return accessDenied(ctx);
  const box = folderOf(ctx.world, ctx.user, folder);
  if (!box) return notFound(ctx);
  const expired = () => graphError(ctx.world, 410, 'SyncStateNotFound', 'The sync state generation was not found. Restart the sync from the beginning without a delta token.');
  const skip = ctx.query.get('skiptoken');
  if (skip !== undefined) {
    const saved = ctx.state.deltas.get(`skip:${skip}`);
    const rest = saved && pending.get(saved);
    if (!saved || !rest || saved.user !== ctx.user.name) return expired();
    ctx.state.deltas.delete(`skip:${skip}`);
    return page(ctx, folder, saved.token, saved, rest);
  }
  const sel = readSelect(ctx.query.get('select'));
  if ('unknown' in sel) return graphError(ctx.world, 400, 'RequestBroker--ParseUri', `Could not find a property named '${sel.unknown}' on type 'microsoft.graph.message'.`);
  const token = ctx.query.get('deltatoken');
  const before = token === undefined ? undefined : ctx.state.deltas.get(`delta:${token}`);
  const folderKey = mailFolderId(ctx.user, box);
  if (token !== undefined && (!before || before.user !== ctx.user.name || before.folder !== folderKey)) return expired();
  const seen = new Map<string, string>();
  const items: Record<string, unknown>[] = [];
  for (const m of box.messages) {
    const id = messageId(ctx.user, box, m);
    const key = changeKey(m);
    seen.set(id, key);
    if (before?.seen.get(id) !== key) items.push({ '@odata.type': '#microsoft.graph.message', ...messageJson(ctx.user, box, m, sel.select) });
  }
  for (const id of before?.seen.keys() ?? []) if (!seen.has(id)) items.push({ '@odata.type': '#microsoft.graph.message', id, '@removed': { reason: 'deleted' } });
  const snapshotId = guid(ctx.world);
  const snapshot: DeltaSnapshot = { user: ctx.user.name, folder: folderKey, token: snapshotId, seen };
  ctx.state.deltas.set(`delta:${snapshotId}`, snapshot);
  return page(ctx, folder, snapshotId, snapshot, items);
}
