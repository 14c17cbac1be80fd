/** What every EWS operation receives, and the helpers they share for reading a request's folder and item ids. */
import type { HttpResponse } from '../shared/http-types.ts';
import type { MailUser, MailWorld } from '../shared/world.ts';
import type { ExchangeConfig } from './config.ts';
import { distinguishedFolder, folderById, isDocumentedFolderName, type Folder } from './ids.ts';
import { soapFault, T_NS, type EwsErrorCode } from './soap.ts';
import type { XmlElement } from './xml-read.ts';

/** The world, the authenticated mailbox user and the deployment an operation runs in. */
export interface EwsContext {
  world: MailWorld;
  user: MailUser;
  config: ExchangeConfig;
  /** The origin the world announces changes under, so IMAP sessions report them as another client's. */
  origin: string;
}

/** An EWS operation: the operation element in, the HTTP response out. */
export type EwsOperation = (ctx: EwsContext, op: XmlElement) => HttpResponse;

/** The fault EWS sends for a request its schema does not allow (as in Microsoft's FindConversation example). */
export function schemaFault(violation: string): HttpResponse {
  return soapFault('ErrorSchemaValidation', `The request failed schema validation: ${violation}`);
}

/** Thrown inside an operation when the request breaks the schema; the endpoint turns it into `schemaFault`. */
export class SchemaViolation extends Error {}

/** The folder a t:DistinguishedFolderId or t:FolderId names, or the error EWS gives. */
export function folderOf(ctx: EwsContext, ref: XmlElement): Folder | EwsErrorCode {
  const id = ref.attrs.get('Id');
  if (ref.ns !== T_NS || id === undefined) throw new SchemaViolation(`The element '${ref.name}' is not a folder id with an Id attribute.`);
  if (ref.name === 'DistinguishedFolderId') {
    if (!isDocumentedFolderName(id)) throw new SchemaViolation(`The 'Id' attribute is invalid - The value '${id}' is invalid according to its datatype 'DistinguishedFolderIdNameType' - The Enumeration constraint failed.`);
    return distinguishedFolder(ctx.user, id);
  }
  if (ref.name === 'FolderId') return folderById(ctx.world, ctx.user, id);
  throw new SchemaViolation(`The element '${ref.name}' is not a folder id.`);
}

/** The child elements of a required container, e.g. ParentFolderIds; a missing container breaks the schema. */
export function required(el: XmlElement | undefined, what: string): XmlElement {
  if (!el) throw new SchemaViolation(`The element '${what}' is missing.`);
  return el;
}
