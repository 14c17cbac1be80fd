/**
 * SOAP 1.1 as EWS writes it: the envelope with the ServerVersionInfo header, an operation's response with one
 * response message per item (ResponseClass, MessageText, ResponseCode, DescriptiveLinkKey), and faults for
 * requests that never reach an operation. Shapes follow Microsoft's operation references, e.g. "FindItem
 * operation" and "FindConversation operation" (its schema-validation fault).
 */
import { exchangeFacts } from '../../data/exchange.ts';
import type { HttpResponse } from '../shared/http-types.ts';
import { el, esc, leaf, toOctets } from './xml-write.ts';

/** SOAP 1.1 envelope namespace. */
export const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** EWS messages namespace (prefix m). */
export const M_NS = 'http://schemas.microsoft.com/exchange/services/2006/messages';
/** EWS types namespace (prefix t). */
export const T_NS = 'http://schemas.microsoft.com/exchange/services/2006/types';
/** EWS errors namespace, used in fault details. */
export const E_NS = 'http://schemas.microsoft.com/exchange/services/2006/errors';

/** Response codes the simulated EWS uses and their message texts as Microsoft's examples give them. */
export const EWS_ERRORS = {
  ErrorItemNotFound: 'The specified object was not found in the store.',
  ErrorInvalidIdMalformed: 'Id is malformed.',
  ErrorFolderNotFound: 'The specified folder could not be found in the store.',
  ErrorInvalidSyncStateData: 'Synchronization state data is corrupt or otherwise invalid.',
  ErrorInvalidPropertyRequest: 'Property is not valid for this object type.',
  ErrorInvalidRequest: 'The request is invalid.',
  ErrorQuotaExceeded: 'The mailbox quota has been exceeded.',
  ErrorInvalidRecipients: 'At least one recipient is not valid.',
} as const;
/** An EWS error response code. */
export type EwsErrorCode = keyof typeof EWS_ERRORS;

/** A response message: success with its content, or an error with its code. */
export function responseMessage(op: string, error: EwsErrorCode | undefined, ...content: readonly (string | false | undefined)[]): string {
  if (error === undefined) return el(`m:${op}ResponseMessage`, { ResponseClass: 'Success' }, leaf('m:ResponseCode', 'NoError'), ...content);
  return el(
    `m:${op}ResponseMessage`,
    { ResponseClass: 'Error' },
    leaf('m:MessageText', EWS_ERRORS[error]),
    leaf('m:ResponseCode', error),
    leaf('m:DescriptiveLinkKey', 0),
    ...content,
  );
}

/** The ServerVersionInfo header element, from the Exchange facts. */
function serverVersionInfo(): string {
  const v = exchangeFacts.ewsVersion;
  return el('t:ServerVersionInfo', {
    MajorVersion: v.majorVersion,
    MinorVersion: v.minorVersion,
    MajorBuildNumber: v.majorBuildNumber,
    MinorBuildNumber: v.minorBuildNumber,
    Version: v.version,
    'xmlns:t': T_NS,
  });
}

/** A complete EWS response: the operation's response messages inside the envelope, 200 OK. */
export function operationResponse(op: string, messages: readonly string[]): HttpResponse {
  const body = el(`m:${op}Response`, { 'xmlns:m': M_NS, 'xmlns:t': T_NS }, el('m:ResponseMessages', {}, ...messages));
  return xmlResponse(200, 'OK', envelope(serverVersionInfo(), body));
}

function envelope(header: string, body: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    el('s:Envelope', { 'xmlns:s': SOAP_NS }, header === '' ? undefined : el('s:Header', {}, header), el('s:Body', {}, body))
  );
}

/** An XML body as UTF-8 octets with its content type. */
export function xmlResponse(status: number, reason: string, xml: string, headers: readonly (readonly [string, string])[] = []): HttpResponse {
  return { status, reason, headers: [['Content-Type', 'text/xml; charset=utf-8'], ...headers], body: toOctets(xml) };
}

/**
 * A SOAP fault (SOAP 1.1 §4.4): faultcode in the types namespace as EWS writes it, the text, and the response code
 * again in the detail. SOAP 1.1 §6.2 sends faults with 500 unless the status says more (401, 403).
 */
export function soapFault(code: string, text: string, status = 500, reason = 'Internal Server Error'): HttpResponse {
  const fault =
    `<s:Fault><faultcode xmlns:a="${T_NS}">a:${esc(code)}</faultcode>` +
    `<faultstring xml:lang="en-US">${esc(text)}</faultstring>` +
    `<detail><e:ResponseCode xmlns:e="${E_NS}">${esc(code)}</e:ResponseCode><e:Message xmlns:e="${E_NS}">${esc(text)}</e:Message></detail></s:Fault>`;
  return xmlResponse(status, reason, envelope('', fault));
}
