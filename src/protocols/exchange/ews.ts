/**
 * The EWS endpoint, POST /EWS/Exchange.asmx (SOAP 1.1, text/xml): checks the method, the caller, whether EWS
 * answers at all in this deployment today (src/data/exchange.ts), the content type, the size and the XML, then
 * runs the operation the SOAP body names. Whatever arrives, the answer is an HTTP response; nothing throws.
 */
import { headerValue, type HttpRequest, type HttpResponse } from '../shared/http-types.ts';
import type { MailWorld } from '../shared/world.ts';
import { authenticate } from './auth.ts';
import type { ExchangeConfig } from './config.ts';
import { SchemaViolation, schemaFault, type EwsOperation } from './ews-context.ts';
import { readOperations } from './ews-read.ts';
import { syncFolderItems } from './ews-sync.ts';
import { writeOperations } from './ews-write.ts';
import { plain } from './plain.ts';
import { ewsGate } from './policy.ts';
import { M_NS, SOAP_NS, soapFault } from './soap.ts';
import { child, parseXml } from './xml-read.ts';
import { fromOctets } from './xml-write.ts';

/** Every operation the simulated EWS answers, by its element name in the messages namespace. */
export const EWS_OPERATIONS: Readonly<Record<string, EwsOperation>> = { ...readOperations, ...writeOperations, SyncFolderItems: syncFolderItems };

/** Answers one request to /EWS/Exchange.asmx. */
export function ewsEndpoint(world: MailWorld, config: ExchangeConfig, request: HttpRequest): HttpResponse {
  if (request.method !== 'POST') return plain(405, 'Method Not Allowed', 'EWS takes SOAP requests by POST.\r\n', [['Allow', 'POST']]);
  const auth = authenticate(world, config, request, 'ews');
  if ('refused' in auth) return auth.refused;
  const gate = ewsGate(config, auth.caller.appId, world.clock.peek());
  if (gate === 'blocked' || gate === 'retired') {
    const why =
      gate === 'retired'
        ? 'EWS in Exchange Online has been shut down. Use Microsoft Graph.'
        : 'EWS is blocked for this organization unless the application is in EwsAllowedAppIDs (Set-OrganizationConfig).';
    return soapFault('ErrorAccessDenied', why, 403, 'Forbidden');
  }
  const type = (headerValue(request.headers, 'Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'text/xml') {
    // EWS is a WCF service with the SOAP 1.1 binding, which refuses any other media type with 415 (RFC 9110 §15.5.16).
    return plain(415, 'Unsupported Media Type', `Cannot process the message because the content type '${type}' was not the expected type 'text/xml; charset=utf-8'.\r\n`);
  }
  if (request.body.length > config.maxRequestOctets) return plain(413, 'Content Too Large', 'The request is larger than this server accepts.\r\n');
  const text = fromOctets(request.body);
  if (text === undefined) return schemaFault('The request is not valid UTF-8.');
  const doc = parseXml(text);
  if (!doc.ok) return schemaFault(`${doc.error}. Line ${doc.line}.`);
  const body = doc.root.ns === SOAP_NS && doc.root.name === 'Envelope' ? child(doc.root, SOAP_NS, 'Body') : undefined;
  if (!body) return schemaFault('The root element is not a SOAP 1.1 Envelope with a Body.');
  const op = body.children[0];
  if (!op) return soapFault('ErrorInvalidRequest', 'The request is invalid.');
  const run = op.ns === M_NS ? EWS_OPERATIONS[op.name] : undefined;
  if (!run || !Object.hasOwn(EWS_OPERATIONS, op.name)) return schemaFault(`The element '${op.name}' in namespace '${op.ns}' is not an EWS operation this server answers.`);
  try {
    return run({ world, user: auth.caller.user, config, origin: `ews-${config.deployment}` }, op);
  } catch (error) {
    if (error instanceof SchemaViolation) return schemaFault(error.message);
    return soapFault('ErrorInternalServerError', 'An internal server error occurred. The operation failed.');
  }
}
