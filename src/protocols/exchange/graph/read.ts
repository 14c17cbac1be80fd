/**
 * Graph's reading endpoints: GET /mailFolders, /mailFolders/{id}, /messages and /mailFolders/{id}/messages
 * (newest first, $select, $top 1–1000 with a default page of 10, paging by @odata.nextLink with $skip),
 * /messages/{id} and /messages/{id}/$value (the MIME, which Graph sends as text/plain).
 */
import { exchangeFacts } from '../../../data/exchange.ts';
import type { HttpResponse } from '../../shared/http-types.ts';
import type { Mailbox, StoredMessage } from '../../shared/world.ts';
import { folderId } from '../ids.ts';
import { accessDenied, allows, contextUrl, type GraphContext } from './context.ts';
import { graphError, graphJson, GRAPH_ROOT } from './http.ts';
import { folderOf, messageOf } from './ids.ts';
import { folderJson, messageJson, readSelect } from './render.ts';

/** The permissions that let a token read mail. */
export const READ = ['Mail.Read', 'Mail.ReadWrite'] as const;

/** GET /mailFolders: the world's mailboxes as Graph's top-level folders. */
export function listFolders(ctx: GraphContext): HttpResponse {
  if (!allows(ctx, ...READ)) return accessDenied(ctx);
  const root = folderId(ctx.user, { kind: 'root' }).replace(/\+/g, '-').replace(/\//g, '_');
  const value = [...ctx.user.mailboxes.values()].map((b) => folderJson(ctx.user, b, root));
  return graphJson(ctx.world, 200, { '@odata.context': contextUrl(ctx, 'mailFolders'), value });
}

/** GET /mailFolders/{id}. */
export function getFolder(ctx: GraphContext, id: string): HttpResponse {
  if (!allows(ctx, ...READ)) return accessDenied(ctx);
  const box = folderOf(ctx.world, ctx.user, id);
  if (!box) return notFound(ctx);
  const root = folderId(ctx.user, { kind: 'root' }).replace(/\+/g, '-').replace(/\//g, '_');
  return graphJson(ctx.world, 200, { '@odata.context': contextUrl(ctx, 'mailFolders/$entity'), ...folderJson(ctx.user, box, root) });
}

/** Graph's 404 for an item or folder that is not there. */
export function notFound(ctx: GraphContext): HttpResponse {
  return graphError(ctx.world, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

/** The 400 for an id that cannot be one. */
export function malformed(ctx: GraphContext): HttpResponse {
  return graphError(ctx.world, 400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
}

/** GET /messages or /mailFolders/{id}/messages. */
export function listMessages(ctx: GraphContext, folder: string | undefined): HttpResponse {
  if (!allows(ctx, ...READ)) return accessDenied(ctx);
  const { defaultPageSize, maxPageSize } = exchangeFacts.graphLimits;
  const sel = readSelect(ctx.query.get('select'));
  if ('unknown' in sel) return graphError(ctx.world, 400, 'RequestBroker--ParseUri', `Could not find a property named '${sel.unknown}' on type 'microsoft.graph.message'.`);
  const topText = ctx.query.get('top');
  const skipText = ctx.query.get('skip') ?? '0';
  const top = topText === undefined ? defaultPageSize : /^\d{1,7}$/.test(topText) ? Number(topText) : NaN;
  const skip = /^\d{1,9}$/.test(skipText) ? Number(skipText) : NaN;
  if (!(top >= 1 && top <= maxPageSize)) return graphError(ctx.world, 400, 'ErrorInvalidParameter', `The value of $top must be an integer from 1 to ${maxPageSize}.`);
  if (Number.isNaN(skip)) return graphError(ctx.world, 400, 'ErrorInvalidParameter', 'The value of $skip must be a non-negative integer.');
  let boxes: Mailbox[];
  if (folder === undefined) boxes = [...ctx.user.mailboxes.values()];
  else {
    const box = folderOf(ctx.world, ctx.user, folder);
    if (!box) return notFound(ctx);
    boxes = [box];
  }
  const all: { box: Mailbox; m: StoredMessage }[] = boxes.flatMap((box) => box.messages.map((m) => ({ box, m })));
  // Newest first, Graph's default order (receivedDateTime desc); the UID breaks ties so pages never overlap.
  all.sort((a, b) => b.m.internalDate.getTime() - a.m.internalDate.getTime() || b.m.uid - a.m.uid);
  const page = all.slice(skip, skip + top);
  const tail = folder === undefined ? 'messages' : `mailFolders('${folder}')/messages`;
  const body: Record<string, unknown> = {
    '@odata.context': contextUrl(ctx, sel.select ? `${tail}(${sel.select.join(',')})` : tail),
    value: page.map(({ box, m }) => messageJson(ctx.user, box, m, sel.select)),
  };
  if (skip + top < all.length) {
    const path = folder === undefined ? `${ctx.base}/messages` : `${ctx.base}/mailFolders/${encodeURIComponent(folder)}/messages`;
    const select = sel.select ? `&%24select=${sel.select.join('%2c')}` : '';
    body['@odata.nextLink'] = `${GRAPH_ROOT}/${path}?%24top=${top}${select}&%24skip=${skip + top}`;
  }
  return graphJson(ctx.world, 200, body);
}

/** GET /messages/{id}, or its MIME with /$value. */
export function getMessage(ctx: GraphContext, id: string, value: boolean): HttpResponse {
  if (!allows(ctx, ...READ)) return accessDenied(ctx);
  const found = messageOf(ctx.world, ctx.user, id);
  if (found === 'malformed') return malformed(ctx);
  if (found === 'not-found') return notFound(ctx);
  if (value) return { status: 200, reason: 'OK', headers: [['Content-Type', 'text/plain']], body: found.message.raw };
  const sel = readSelect(ctx.query.get('select'));
  if ('unknown' in sel) return graphError(ctx.world, 400, 'RequestBroker--ParseUri', `Could not find a property named '${sel.unknown}' on type 'microsoft.graph.message'.`);
  return graphJson(ctx.world, 200, { '@odata.context': contextUrl(ctx, 'messages/$entity'), ...messageJson(ctx.user, found.box, found.message, sel.select) });
}
