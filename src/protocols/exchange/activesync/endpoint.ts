/**
 * Exchange ActiveSync at /Microsoft-Server-ActiveSync on the shared world ([MS-ASHTTP], [MS-ASCMD], [MS-ASPROV]):
 * OPTIONS, and POST of Provision, FolderSync, Sync and Ping in WBXML. One `ActiveSyncServer` per deployment keeps
 * every device's state. Bad input never throws: it gets the HTTP status or the command Status the version documents.
 */
import { exchangeFacts } from '../../../data/exchange.ts';
import { headerValue, type HttpRequest, type HttpResponse } from '../../shared/http-types.ts';
import type { MailWorld } from '../../shared/world.ts';
import type { ExchangeConfig } from '../config.ts';
import { dayStart } from '../policy.ts';
import { decodeWbxml } from '../wbxml/codec.ts';
import type { WbxmlElement } from '../wbxml/tree.ts';
import { easCaller } from './auth.ts';
import { folderSync } from './folders.ts';
import { COMMANDS, httpError, optionsResponse, parseQuery, REQUEST_VERSIONS, statusResponse, usesCommonStatus, validDeviceId, wbxmlResponse, type EasCommand } from './http.ts';
import { ping } from './ping.ts';
import { provision } from './provision.ts';
import { EasState } from './state.ts';
import { sync } from './sync.ts';

/** Common status codes ([MS-ASCMD] §2.2.2). */
const COMMON = { invalidWbxml: 102, deviceId: 108, deviceType: 109, notProvisioned: 142, invalidPolicyKey: 144 } as const;
/** Each command's own Status for a request it cannot read ([MS-ASCMD] §2.2.3.177): Sync 13 is an empty request. */
const MALFORMED: Readonly<Record<EasCommand, number>> = { Provision: 2, FolderSync: 10, Sync: 13, Ping: 4 };

/** A Ping the server holds: `check()` gives its HTTP answer once a folder changes or the heartbeat runs out. */
export interface HeldEasPing {
  deadline: number;
  folders: readonly string[];
  check(): HttpResponse | undefined;
}

/** What a request gets: a response now, or a held Ping. */
export type EasOutcome = { response: HttpResponse; held?: undefined } | { held: HeldEasPing; response?: undefined };

/** The day from which Exchange Online refuses ActiveSync clients older than 16.1 (src/data/exchange.ts). */
function minimum161From(): number | undefined {
  const day = exchangeFacts.events.find((e) => e.id === 'eas-online-16-1-minimum')?.date;
  return day === undefined ? undefined : dayStart(day);
}

/** The ActiveSync side of one deployment. */
export class ActiveSyncServer {
  readonly state = new EasState();
  readonly #world: MailWorld;
  readonly #config: ExchangeConfig;

  constructor(world: MailWorld, config: ExchangeConfig) {
    this.#world = world;
    this.#config = config;
  }

  /** Answers one request, or holds a Ping. */
  handle(request: HttpRequest): EasOutcome {
    const config = this.#config;
    const now = (r: HttpResponse): EasOutcome => ({ response: r });
    if (request.method !== 'POST' && request.method !== 'OPTIONS') return now({ ...httpError(501, 'Not Implemented'), headers: [['Allow', 'OPTIONS,POST']] });
    if (request.body.length > config.maxRequestOctets) return now(httpError(413, 'Payload Too Large'));
    const caller = easCaller(this.#world, config, request);
    if ('refused' in caller) return now(caller.refused);
    if (request.method === 'OPTIONS') return now(optionsResponse(config));
    const version = headerValue(request.headers, 'MS-ASProtocolVersion') ?? '';
    const q = parseQuery(request.target);
    if (!REQUEST_VERSIONS.includes(version) || q.cmd === undefined) return now(httpError(400, 'Bad Request'));
    const from = minimum161From();
    // Microsoft announced the block (MC1197103) but documents no reply; the simulation answers 400 Bad Request.
    if (config.deployment === 'online' && version !== '16.1' && from !== undefined && this.#world.clock.peek().getTime() >= from) return now(httpError(400, 'Bad Request'));
    if (!(COMMANDS as readonly string[]).includes(q.cmd)) return now(httpError(501, 'Not Implemented'));
    const cmd = q.cmd as EasCommand;
    const common = usesCommonStatus(version);
    if (!validDeviceId(q.deviceId)) return now(common ? statusResponse(config, cmd, COMMON.deviceId) : httpError(400, 'Bad Request'));
    if (!q.deviceType) return now(common ? statusResponse(config, cmd, COMMON.deviceType) : httpError(400, 'Bad Request'));
    const device = this.state.device(caller.user.name, q.deviceId);
    if (cmd !== 'Provision') {
      const key = headerValue(request.headers, 'X-MS-PolicyKey');
      if (device.policyKey === undefined || key !== device.policyKey) {
        if (!common) return now(httpError(449, 'Retry after sending a PROVISION command'));
        return now(statusResponse(config, cmd, key === undefined || key === '0' ? COMMON.notProvisioned : COMMON.invalidPolicyKey));
      }
    }
    let root: WbxmlElement | undefined;
    if (request.body !== '') {
      const decoded = decodeWbxml(request.body);
      if (!decoded.ok) return now(common ? statusResponse(config, cmd, COMMON.invalidWbxml) : httpError(400, 'Bad Request'));
      root = decoded.root;
    } else if (cmd !== 'Ping') {
      return now(statusResponse(config, cmd, MALFORMED[cmd]));
    }
    const user = caller.user;
    const wrap = (el: WbxmlElement) => wbxmlResponse(config, el);
    if (cmd === 'Provision') return now(wrap(provision(this.state, device, root!)));
    if (cmd === 'FolderSync') return now(wrap(folderSync(user, device, root!)));
    if (cmd === 'Sync') return now(wrap(sync({ world: this.#world, user, device, origin: `eas:${q.deviceId}` }, root!)));
    const p = ping(this.#world, user, device, root);
    if ('answer' in p) return now(wrap(p.answer));
    const held = p.held;
    return { held: { deadline: held.deadline, folders: held.folders, check: () => { const el = held.check(); return el && wrap(el); } } };
  }
}

const servers = new WeakMap<ExchangeConfig, ActiveSyncServer>();

/** The ActiveSync server of a deployment's configuration (one per `exchangeServer`, created on first use). */
export function activeSyncServer(world: MailWorld, config: ExchangeConfig): ActiveSyncServer {
  let s = servers.get(config);
  if (!s) servers.set(config, (s = new ActiveSyncServer(world, config)));
  return s;
}

/**
 * The one-request-one-response form for `exchangeServer`: a Ping with nothing to report answers at once as if its
 * heartbeat had run out (Status 1), since a plain handler cannot wait; callers that can wait use `handle`.
 */
export function activeSyncEndpoint(world: MailWorld, config: ExchangeConfig, request: HttpRequest): HttpResponse {
  const out = activeSyncServer(world, config).handle(request);
  return out.response ?? out.held.check() ?? wbxmlResponse(config, { ns: 'Ping', name: 'Ping', children: [{ ns: 'Ping', name: 'Status', children: [], text: '1' }], text: '' });
}
