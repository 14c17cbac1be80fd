/**
 * The live part of the HTTP simulator, loaded when the learner takes over: a world, the protocol's server, and a
 * connection that has already sent the guided steps played so far, so what the learner sends next meets the same
 * server state the guide left.
 */
import '../../../machines/http-servers.ts';
import { openHttpSession } from '../../../machines/http-session.ts';
import { stepRequest, type HttpScenarioStep } from '../../../scenarios/http-scenario.ts';
import type { HttpRequest } from '../../../protocols/shared/http-types.ts';
import type { HttpProtocolName, HttpSession, TranscriptEntry } from '../../../protocols/shared/session-types.ts';
import { MailWorld } from '../../../protocols/shared/world.ts';

/** A live connection to the simulated server, reopened when the server closed it. */
export class LiveHttp {
  readonly #world: MailWorld;
  readonly #protocol: HttpProtocolName;
  readonly #port: number;
  #session: HttpSession;

  /** Opens a connection and replays `played` on it, as the guide did. */
  constructor(protocol: HttpProtocolName, port: number, seed: number, played: readonly Pick<HttpScenarioStep, 'request'>[]) {
    this.#world = new MailWorld({ seed });
    this.#protocol = protocol;
    this.#port = port;
    this.#session = openHttpSession(this.#world, protocol, port);
    for (const step of played) {
      if (this.#session.view().closed) this.#session = openHttpSession(this.#world, protocol, port);
      this.#session.exchange(stepRequest(step, port));
    }
  }

  /** Sends one request; on a closed connection a new one opens first (`reopened`), as a browser would. */
  send(request: HttpRequest): { reopened: boolean; entries: TranscriptEntry[] } {
    const reopened = this.#session.view().closed;
    if (reopened) this.#session = openHttpSession(this.#world, this.#protocol, this.#port);
    return { reopened, entries: [...(reopened ? this.#session.greeting : []), ...this.#session.exchange(request).entries] };
  }

  /** Whether the next request needs a new connection. */
  get closed(): boolean {
    return this.#session.view().closed;
  }

  /** The methods the server knows. */
  get methods(): string[] {
    return this.#session.view().allowedCommands;
  }
}
