/**
 * Graph's changing endpoints on the shared world: POST /sendMail (JSON, or base64 MIME as text/plain; 202 and
 * no body, through the world's delivery so IMAP and POP3 read the mail, a copy in Sent Items unless
 * saveToSentItems is false), PATCH /messages/{id} (isRead, which IMAP sees as \Seen; flag), POST
 * /messages/{id}/move (201, the moved message with its new id) and DELETE /messages/{id} (204; to Deleted Items,
 * and for good from there). Changes are announced under the origin "graph-online".
 */
import type { HttpResponse } from '../../shared/http-types.ts';
import type { RawMessage } from '../../shared/message.ts';
import type { Mailbox, StoredMessage } from '../../shared/world.ts';
import { distinguishedFolder } from '../ids.ts';
import { compose } from '../mime.ts';
import { unbase64 } from '../xml-write.ts';
import { accessDenied, allows, contextUrl, jsonBody, type GraphContext } from './context.ts';
import { graphEmpty, graphError, graphJson, isJson } from './http.ts';
import { folderOf, messageOf } from './ids.ts';
import { malformed, notFound } from './read.ts';
import { MESSAGE_PROPERTIES, messageJson } from './render.ts';

const ORIGIN = 'graph-online';

function addresses(list: unknown): string[] | undefined {
  if (list === undefined) return [];
  if (!Array.isArray(list)) return undefined;
  const out: string[] = [];
  for (const r of list) {
    const a = (r as { emailAddress?: { address?: unknown } } | null)?.emailAddress?.address;
    if (typeof a !== 'string' || !/^[^\s@<>",]+@[^\s@<>",]+$/.test(a)) return undefined;
    out.push(a);
  }
  return out;
}

/** POST /sendMail. */
export function sendMail(ctx: GraphContext): HttpResponse {
  if (!allows(ctx, 'Mail.Send')) return accessDenied(ctx);
  const invalidRecipients = (why: string) => graphError(ctx.world, 400, 'ErrorInvalidRecipients', `At least one recipient isn't valid., ${why}`);
  let raw: RawMessage;
  let recipients: string[];
  let save = true;
  if (isJson(ctx.request)) {
    const body = jsonBody(ctx);
    if ('refused' in body) return body.refused;
    const m = body.value.message as Record<string, unknown> | undefined;
    if (!m || typeof m !== 'object') return graphError(ctx.world, 400, 'ErrorInvalidParameter', "The value of the parameter 'Message' is empty.");
    const to = addresses(m.toRecipients);
    const cc = addresses(m.ccRecipients);
    const bcc = addresses(m.bccRecipients);
    if (!to || !cc || !bcc) return invalidRecipients('A recipient address is not a valid SMTP address.');
    recipients = [...to, ...cc, ...bcc];
    save = body.value.saveToSentItems !== false;
    const b = (m.body ?? {}) as { contentType?: unknown; content?: unknown };
    raw = compose({
      from: { name: ctx.user.displayName, address: ctx.user.address },
      to,
      cc,
      subject: typeof m.subject === 'string' ? m.subject : '',
      body: typeof b.content === 'string' ? b.content : '',
      bodyType: typeof b.contentType === 'string' && b.contentType.toLowerCase() === 'html' ? 'HTML' : 'Text',
      date: ctx.world.clock.tick(),
      messageId: `<${ctx.world.newQueueId()}@${ctx.config.host}>`,
    });
  } else {
    // MIME: the whole message base64-encoded in a text/plain body; recipients come from its To, Cc and Bcc.
    const mime = unbase64(ctx.request.body.replace(/[\r\n]/g, ''));
    if (mime === undefined || !/\r?\n\r?\n/.test(mime)) return graphError(ctx.world, 400, 'ErrorMimeContentInvalidBase64String', 'Invalid base64 string for MIME content.');
    raw = mime.replace(/\r?\n/g, '\r\n');
    const header = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
    recipients = [...header.matchAll(/^(?:to|cc|bcc):(.*)$/gim)].flatMap((h) => [...h[1]!.matchAll(/[^\s<>",;:]+@[^\s<>",;:]+/g)].map((x) => x[0]));
  }
  if (recipients.length === 0) return invalidRecipients("A message can't be sent because it contains no recipients.");
  const result = ctx.world.deliver({ from: ctx.user.address, recipients, helo: ctx.config.host, clientAddress: '127.0.0.1', withProtocol: 'HTTPS' }, raw);
  if (result.refused) return graphError(ctx.world, 507, 'ErrorQuotaExceeded', 'The mailbox quota has been exceeded.');
  const sent = distinguishedFolder(ctx.user, 'sentitems');
  if (save && typeof sent !== 'string' && sent.kind === 'box' && !ctx.world.refusal(ctx.user.name, raw.length)) ctx.world.append(ctx.user.name, sent.box.name, raw, ['\\Seen'], undefined, ORIGIN);
  return graphEmpty(ctx.world, 202);
}

function find(ctx: GraphContext, id: string): { box: Mailbox; message: StoredMessage } | HttpResponse {
  const found = messageOf(ctx.world, ctx.user, id);
  if (found === 'malformed') return malformed(ctx);
  if (found === 'not-found') return notFound(ctx);
  return found;
}

/** PATCH /messages/{id}: isRead and flag; other writable properties are not simulated. */
export function patchMessage(ctx: GraphContext, id: string): HttpResponse {
  if (!allows(ctx, 'Mail.ReadWrite')) return accessDenied(ctx);
  const body = jsonBody(ctx);
  if ('refused' in body) return body.refused;
  const found = find(ctx, id);
  if ('status' in found) return found;
  const flags = new Set(found.message.flags);
  for (const [key, value] of Object.entries(body.value)) {
    if (key === 'isRead' && typeof value === 'boolean') {
      if (value) flags.add('\\Seen');
      else flags.delete('\\Seen');
    } else if (key === 'flag' && typeof (value as { flagStatus?: unknown })?.flagStatus === 'string') {
      if ((value as { flagStatus: string }).flagStatus === 'flagged') flags.add('\\Flagged');
      else flags.delete('\\Flagged');
    } else if (!(MESSAGE_PROPERTIES as readonly string[]).includes(key)) {
      return graphError(ctx.world, 400, 'RequestBodyRead', `The property '${key}' does not exist on type 'microsoft.graph.message'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
    } else return graphError(ctx.world, 400, 'ErrorInvalidPropertyRequest', `The property '${key}' cannot be updated in the simulated Graph.`);
  }
  ctx.world.setFlags(ctx.user.name, found.box.name, found.message.uid, flags, ORIGIN);
  return graphJson(ctx.world, 200, { '@odata.context': contextUrl(ctx, 'messages/$entity'), ...messageJson(ctx.user, found.box, found.message, undefined) });
}

function moveTo(ctx: GraphContext, from: Mailbox, m: StoredMessage, to: Mailbox): StoredMessage {
  if (from === to) return m;
  const moved = ctx.world.append(ctx.user.name, to.name, m.raw, m.flags, m.internalDate, ORIGIN)!;
  ctx.world.expunge(ctx.user.name, from.name, [m.uid], ORIGIN);
  return moved;
}

/** POST /messages/{id}/move with {"destinationId": folder id or well-known name}. */
export function moveMessage(ctx: GraphContext, id: string): HttpResponse {
  if (!allows(ctx, 'Mail.ReadWrite')) return accessDenied(ctx);
  const body = jsonBody(ctx);
  if ('refused' in body) return body.refused;
  const dest = body.value.destinationId;
  if (typeof dest !== 'string' || dest === '') return graphError(ctx.world, 400, 'ErrorInvalidParameter', "The value of the parameter 'DestinationId' is empty.");
  const found = find(ctx, id);
  if ('status' in found) return found;
  const target = folderOf(ctx.world, ctx.user, dest);
  if (!target) return notFound(ctx);
  const moved = moveTo(ctx, found.box, found.message, target);
  return graphJson(ctx.world, 201, { '@odata.context': contextUrl(ctx, 'messages/$entity'), ...messageJson(ctx.user, target, moved, undefined) });
}

/** DELETE /messages/{id}. */
export function deleteMessage(ctx: GraphContext, id: string): HttpResponse {
  if (!allows(ctx, 'Mail.ReadWrite')) return accessDenied(ctx);
  const found = find(ctx, id);
  if ('status' in found) return found;
  const trash = distinguishedFolder(ctx.user, 'deleteditems');
  if (typeof trash !== 'string' && trash.kind === 'box' && trash.box !== found.box) moveTo(ctx, found.box, found.message, trash.box);
  else ctx.world.expunge(ctx.user.name, found.box.name, [found.message.uid], ORIGIN);
  return graphEmpty(ctx.world, 204);
}
