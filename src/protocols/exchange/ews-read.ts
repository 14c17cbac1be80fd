/**
 * EWS's reading operations on the shared world: GetFolder, FindFolder, FindItem (newest first, with
 * IndexedPageItemView paging) and GetItem. One response message per requested id, each Success or Error, as
 * Microsoft's operation references show.
 */
import { folderOf, required, SchemaViolation, type EwsContext, type EwsOperation } from './ews-context.ts';
import { childFolders, isBaseShape, renderFolder, renderMessage, type BaseShape } from './ews-render.ts';
import { itemById, type Folder } from './ids.ts';
import { M_NS, operationResponse, responseMessage, T_NS } from './soap.ts';
import { child, type XmlElement } from './xml-read.ts';
import { el } from './xml-write.ts';

/** The BaseShape of an ItemShape or FolderShape (required by the schema). */
export function baseShape(shapeEl: XmlElement | undefined, what: string): BaseShape {
  const value = child(required(shapeEl, what), T_NS, 'BaseShape')?.text.trim();
  if (!isBaseShape(value)) throw new SchemaViolation(`The element 'BaseShape' in '${what}' is missing or not IdOnly, Default or AllProperties.`);
  return value;
}

function traversal(op: XmlElement, allowed: readonly string[]): string {
  const value = op.attrs.get('Traversal') ?? '';
  if (!allowed.includes(value)) throw new SchemaViolation(`The 'Traversal' attribute is invalid - The value '${value}' is not one of ${allowed.join(', ')}.`);
  return value;
}

/** GetFolder: each requested folder with its name and counts. */
export const getFolder: EwsOperation = (ctx, op) => {
  const idOnly = baseShape(child(op, M_NS, 'FolderShape'), 'FolderShape') === 'IdOnly';
  const refs = required(child(op, M_NS, 'FolderIds'), 'FolderIds').children;
  const messages = refs.map((ref) => {
    const folder = folderOf(ctx, ref);
    if (typeof folder === 'string') return responseMessage('GetFolder', folder, el('m:Folders', {}));
    return responseMessage('GetFolder', undefined, el('m:Folders', {}, renderFolder(ctx.world, ctx.user, folder, idOnly)));
  });
  return operationResponse('GetFolder', messages);
};

/** FindFolder: the subfolders of each parent, directly (Shallow) or all of them (Deep). */
export const findFolder: EwsOperation = (ctx, op) => {
  const deep = traversal(op, ['Shallow', 'Deep', 'SoftDeleted']) === 'Deep';
  const idOnly = baseShape(child(op, M_NS, 'FolderShape'), 'FolderShape') === 'IdOnly';
  const refs = required(child(op, M_NS, 'ParentFolderIds'), 'ParentFolderIds').children;
  const messages = refs.map((ref) => {
    const parent = folderOf(ctx, ref);
    if (typeof parent === 'string') return responseMessage('FindFolder', parent);
    const found: Folder[] = [];
    const walk = (f: Folder) => {
      for (const box of childFolders(ctx.user, f)) {
        found.push({ kind: 'box', box });
        if (deep) walk({ kind: 'box', box });
      }
    };
    walk(parent);
    return responseMessage(
      'FindFolder',
      undefined,
      el('m:RootFolder', { TotalItemsInView: found.length, IncludesLastItemInRange: true }, el('t:Folders', {}, ...found.map((f) => renderFolder(ctx.world, ctx.user, f, idOnly)))),
    );
  });
  return operationResponse('FindFolder', messages);
};

/** The IndexedPageItemView of a FindItem: how many from where (Microsoft: "IndexedPageItemView"). */
function pageView(op: XmlElement, total: number): { offset: number; max: number } {
  const view = child(op, M_NS, 'IndexedPageItemView');
  if (!view) return { offset: 0, max: total };
  const int = (name: string, fallback: number) => {
    const raw = view.attrs.get(name);
    if (raw === undefined) return fallback;
    if (!/^\d{1,9}$/.test(raw)) throw new SchemaViolation(`The '${name}' attribute is invalid - The value '${raw}' is not a whole number.`);
    return Number(raw);
  };
  const max = int('MaxEntriesReturned', total);
  const offset = int('Offset', 0);
  const base = view.attrs.get('BasePoint') ?? 'Beginning';
  if (base !== 'Beginning' && base !== 'End') throw new SchemaViolation(`The 'BasePoint' attribute is invalid - The value '${base}' is not Beginning or End.`);
  return { offset: base === 'End' ? Math.max(0, total - offset - max) : offset, max };
}

/** FindItem: the messages of each folder, newest first, in the requested shape and page. */
export const findItem: EwsOperation = (ctx, op) => {
  traversal(op, ['Shallow', 'SoftDeleted', 'Associated']);
  const shape = baseShape(child(op, M_NS, 'ItemShape'), 'ItemShape');
  const refs = required(child(op, M_NS, 'ParentFolderIds'), 'ParentFolderIds').children;
  const messages = refs.map((ref) => {
    const folder = folderOf(ctx, ref);
    if (typeof folder === 'string') return responseMessage('FindItem', folder);
    const box = folder.kind === 'box' ? folder.box : undefined;
    const all = box ? [...box.messages].reverse() : [];
    const { offset, max } = pageView(op, all.length);
    const page = all.slice(offset, offset + max);
    const items = box ? page.map((m) => renderMessage(ctx.user, box, m, shape, { mime: false, body: false })) : [];
    const attrs = { IndexedPagingOffset: child(op, M_NS, 'IndexedPageItemView') ? offset + page.length : undefined, TotalItemsInView: all.length, IncludesLastItemInRange: offset + page.length >= all.length };
    return responseMessage('FindItem', undefined, el('m:RootFolder', attrs, el('t:Items', {}, ...items)));
  });
  return operationResponse('FindItem', messages);
};

/** GetItem: each requested message in the requested shape, with its MIME when IncludeMimeContent is true. */
export const getItem: EwsOperation = (ctx, op) => {
  const shapeEl = child(op, M_NS, 'ItemShape');
  const shape = baseShape(shapeEl, 'ItemShape');
  const mime = child(shapeEl, T_NS, 'IncludeMimeContent')?.text.trim() === 'true';
  const messages = required(child(op, M_NS, 'ItemIds'), 'ItemIds').children.map((ref) => {
    const found = itemById(ctx.world, ctx.user, idAttr(ref));
    if (typeof found === 'string') return responseMessage('GetItem', found, el('m:Items', {}));
    return responseMessage('GetItem', undefined, el('m:Items', {}, renderMessage(ctx.user, found.box, found.message, shape, { mime, body: shape !== 'IdOnly' })));
  });
  return operationResponse('GetItem', messages);
};

/** The Id of a t:ItemId (required by the schema). */
export function idAttr(ref: XmlElement): string {
  const id = ref.attrs.get('Id');
  if (ref.ns !== T_NS || ref.name !== 'ItemId' || id === undefined) throw new SchemaViolation(`The element '${ref.name}' is not an ItemId with an Id attribute.`);
  return id;
}

/** The operations this module answers. */
export const readOperations: Readonly<Record<string, EwsOperation>> = { GetFolder: getFolder, FindFolder: findFolder, FindItem: findItem, GetItem: getItem };

export type { EwsContext };
