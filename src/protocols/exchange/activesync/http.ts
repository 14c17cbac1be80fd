/**
 * The HTTP side of Exchange ActiveSync ([MS-ASHTTP]): the plain-text query (Cmd, User, DeviceId, DeviceType), the
 * protocol versions, the OPTIONS answer and the WBXML responses every command sends.
 */
import { exchangeFacts } from '../../../data/exchange.ts';
import type { HttpResponse } from '../../shared/http-types.ts';
import type { ExchangeConfig } from '../config.ts';
import { encodeWbxml } from '../wbxml/codec.ts';
import { element, leaf, type WbxmlElement } from '../wbxml/tree.ts';

/** MS-ASProtocolVersions as a real Exchange Online OPTIONS reply lists them (reference §5.7, captured). */
export const OFFERED_VERSIONS = ['2.0', '2.1', '2.5', '12.0', '12.1', '14.0', '14.1', '16.0', '16.1'] as const;
/** The versions a request may name in MS-ASProtocolVersion ([MS-ASHTTP] §2.2.1.1.2.6). */
export const REQUEST_VERSIONS: readonly string[] = ['2.5', '12.0', '12.1', '14.0', '14.1', '16.0', '16.1'];
/** The commands this simulation answers; MS-ASProtocolCommands lists only these, so no client is promised more. */
export const COMMANDS = ['Provision', 'FolderSync', 'Sync', 'Ping'] as const;
/** One of the simulated commands. */
export type EasCommand = (typeof COMMANDS)[number];

/** The WBXML media type ([MS-ASHTTP] §2.2.2.1.2.4). */
export const WBXML_TYPE = 'application/vnd.ms-sync.wbxml';

/** The query of a command request ([MS-ASHTTP] §2.2.1.1.1.2), undefined fields when absent. */
export interface EasQuery {
  cmd: string | undefined;
  user: string | undefined;
  deviceId: string | undefined;
  deviceType: string | undefined;
}

/** The plain-text query of a request target; a base64-encoded query gives all fields undefined (not simulated). */
export function parseQuery(target: string): EasQuery {
  const q = target.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
  const get = (k: string) => params.get(k) ?? undefined;
  return { cmd: get('Cmd'), user: get('User'), deviceId: get('DeviceId'), deviceType: get('DeviceType') };
}

/** [MS-ASHTTP] §2.2.1.1.1.2.3: a device id is letters and digits only, at most 32 characters. */
export function validDeviceId(id: string | undefined): id is string {
  return id !== undefined && /^[A-Za-z0-9]{1,32}$/.test(id);
}

/** Whether a version uses the common status codes (14.0 and later) rather than HTTP 449 and 400 ([MS-ASCMD] §2.2.2). */
export function usesCommonStatus(version: string): boolean {
  return Number(version) >= 14;
}

/** MS-Server-ActiveSync: Exchange Online's captured "15.20"; Exchange Server's major.minor from the EWS version facts. */
export function serverVersion(config: ExchangeConfig): string {
  const v = exchangeFacts.ewsVersion;
  return config.deployment === 'online' ? '15.20' : `${v.majorVersion}.${v.minorVersion}`;
}

/** The answer to OPTIONS /Microsoft-Server-ActiveSync ([MS-ASHTTP] §2.2.3, §2.2.4). */
export function optionsResponse(config: ExchangeConfig): HttpResponse {
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ['Allow', 'OPTIONS,POST'],
      ['MS-Server-ActiveSync', serverVersion(config)],
      ['MS-ASProtocolVersions', OFFERED_VERSIONS.join(',')],
      ['MS-ASProtocolCommands', COMMANDS.join(',')],
      ['Public', 'OPTIONS,POST'],
    ],
    body: '',
  };
}

/** A 200 response carrying a WBXML body. */
export function wbxmlResponse(config: ExchangeConfig, root: WbxmlElement): HttpResponse {
  return { status: 200, reason: 'OK', headers: [['Content-Type', WBXML_TYPE], ['MS-Server-ActiveSync', serverVersion(config)]], body: encodeWbxml(root) };
}

/** The namespace of each command's top element. */
export const COMMAND_NS: Readonly<Record<EasCommand, string>> = { Provision: 'Provision', FolderSync: 'FolderHierarchy', Sync: 'AirSync', Ping: 'Ping' };

/** A command's response that is only a top-level Status (the common status codes of [MS-ASCMD] §2.2.2 and errors). */
export function statusResponse(config: ExchangeConfig, cmd: EasCommand, status: number): HttpResponse {
  const ns = COMMAND_NS[cmd];
  return wbxmlResponse(config, element(ns, cmd, leaf(ns, 'Status', status)));
}

/** A bodiless HTTP error ([MS-ASHTTP] §2.2.2.1.1). */
export function httpError(status: number, reason: string): HttpResponse {
  return { status, reason, headers: [], body: '' };
}
