/**
 * How a scenario opens its connections, handed in by the caller: the scenario room plays scenarios on sessions
 * but does not make them, so it imports nothing from src/machines (the player machine imports this room, and
 * imports run one way). Node code passes src/machines/session.ts's openSession (with src/machines/servers.ts
 * imported) or http-session.ts's openHttpSession; the browser passes its loaded engine's.
 */
import type { HttpProtocolName, LineProtocolName } from '../protocols/registry.ts';
import type { ServerPersonalityId } from '../protocols/shared/personality.ts';
import type { HttpSession, Session } from '../protocols/shared/session-types.ts';
import type { MailWorld } from '../protocols/shared/world.ts';

/**
 * Opens one session of a line protocol on `world` (throws a RangeError for a port the protocol does not use), with
 * the scenario's server personality when it names one.
 */
export type SessionOpener = (world: MailWorld, protocol: LineProtocolName, port: number, options?: { server?: ServerPersonalityId }) => Session;

/** Opens one session of an HTTP protocol on `world`. */
export type HttpSessionOpener = (world: MailWorld, protocol: HttpProtocolName, port: number) => HttpSession;
