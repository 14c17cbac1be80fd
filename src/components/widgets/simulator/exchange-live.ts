/**
 * The Exchange widget's engine, loaded on the learner's first sign of intent: a mail world with Exchange Server SE,
 * Exchange Online and the identity platform (one HTTPS connection, routed by Host as the real services are), the
 * catalogue that explains what they answer, and sign-in. In Exchange Online, signing in is the device code flow
 * through real requests to the identity platform (RFC 8628), once for Graph and once for Exchange (one token names
 * one resource); the user's step on the verification page is the one thing not sent over this connection.
 */
import { explainExchange } from '../../../protocols/exchange/explain.ts';
import { messageParts } from '../../../protocols/exchange/explain-parts.ts';
import { exchangeCloud } from '../../../protocols/exchange/cloud.ts';
import { IDENTITY_HOST, type ExchangeDeploymentId } from '../../../protocols/exchange/config.ts';
import { EXCHANGE_RESOURCE, MAIL_APP_ID, TENANT_ID, VERIFICATION_URI } from '../../../protocols/exchange/identity/platform.ts';
import { base64 } from '../../../protocols/exchange/xml-write.ts';
import { requestLine } from '../../../protocols/shared/http-text.ts';
import type { HttpRequest } from '../../../protocols/shared/http-types.ts';
import type { HttpSession, TranscriptEntry } from '../../../protocols/shared/session-types.ts';
import { MailWorld } from '../../../protocols/shared/world.ts';
import '../../../machines/http-servers.ts';
import { openHttpSession } from '../../../machines/http-session.ts';
import type { RowEntry } from '../../../scenarios/player-rows.ts';
import type { HttpScenario } from '../../../scenarios/http-scenario.ts';
import { playHttpScenario } from '../../../scenarios/http-play.ts';
import { formRequest, utf8Octets, type RequestForm } from './exchange-request.ts';
import type { HttpParts } from './http-message.ts';

/** The learner's login and password in the simulated world. */
const LOGIN = 'alice@example.test';
const PASSWORD = 'wonderland';

/** The credentials a signed-in learner's requests carry, by what they are for. */
export interface Credentials {
  basic?: string;
  graph?: string;
  exchange?: string;
}

/** Explains a catalogue key. */
export const explain = explainExchange;

/** The explainable parts of a request or response row. */
export const parts: HttpParts = (entry) => messageParts(entry.kind === 'request' ? entry.request : entry.response);

/** The port every request of the free mode goes to: HTTPS. */
const PORT = 443;

/** A live connection to the world's Microsoft services. */
export class LiveExchange {
  readonly #world: MailWorld;
  #session: HttpSession;

  /**
   * Opens the connection (HTTPS, port 443). After `played` guided steps of `scenario`, the world is the one the
   * scenario's own player left (the same function plays it, whatever its steps hold), and the connection its last
   * one when that is still open on 443.
   */
  constructor(seed: number, scenario?: HttpScenario, played = 0) {
    if (scenario && played > 0) {
      const playback = playHttpScenario(scenario, openHttpSession, played);
      this.#world = playback.world;
      const last = playback.session;
      this.#session = last.port === PORT && !last.view().closed ? last : openHttpSession(this.#world, 'exchange', PORT);
    } else {
      this.#world = new MailWorld({ seed });
      this.#session = openHttpSession(this.#world, 'exchange', PORT);
    }
  }

  /** Sends what the form describes; a header line that is not a field gets the server's 400 (RFC 9112 §5.1). */
  send(form: RequestForm): RowEntry[] {
    const { request, badLine } = formRequest(form);
    if (badLine === undefined) return this.#send(request);
    const sent: TranscriptEntry = { kind: 'request', text: requestLine(request), request, encrypted: true };
    const reopened = this.#reopen();
    const refused = this.#session.refuse('bad-request', `The header line “${badLine.slice(0, 60)}” has no colon: a field is “Name: value” (RFC 9112 §5.1).`);
    return [...reopened, sent, ...refused.entries];
  }

  /** A new connection when the server closed the last one, as a browser opens one (with its TLS handshake). */
  #reopen(): RowEntry[] {
    if (!this.#session.view().closed) return [];
    this.#session = openHttpSession(this.#world, 'exchange', PORT);
    return [{ kind: 'event', event: 'open', text: 'New connection to the same services' }, ...this.#session.greeting];
  }

  #send(request: HttpRequest): RowEntry[] {
    const reopened = this.#reopen();
    return [...reopened, ...this.#session.exchange(request).entries];
  }

  /** Signs alice in for `deployment`: the rows it shows, and the credentials it got (none when a step failed). */
  signIn(deployment: ExchangeDeploymentId): { rows: RowEntry[]; credentials: Credentials } {
    if (deployment === 'server-se') {
      const text = 'Exchange Server SE takes alice’s password: requests now carry Authorization: Basic, inside HTTPS';
      return { rows: [{ kind: 'event', event: 'open', text }], credentials: { basic: `Basic ${base64(utf8Octets(`alice:${PASSWORD}`))}` } };
    }
    const rows: RowEntry[] = [];
    const graph = this.#deviceCode('Mail.ReadWrite Mail.Send offline_access', rows);
    const exchange = graph && this.#deviceCode(`${EXCHANGE_RESOURCE}/EWS.AccessAsUser.All ${EXCHANGE_RESOURCE}/EAS.AccessAsUser.All`, rows);
    return { rows, credentials: graph && exchange ? { graph, exchange } : {} };
  }

  /** One device code flow for `scope`: the token, or undefined (the rows show why). */
  #deviceCode(scope: string, rows: RowEntry[]): string | undefined {
    const post = (path: string, fields: Record<string, string>): HttpRequest => ({
      method: 'POST',
      target: `/${TENANT_ID}/oauth2/v2.0/${path}`,
      headers: [['Host', IDENTITY_HOST], ['Content-Type', 'application/x-www-form-urlencoded']],
      body: new URLSearchParams(fields).toString(),
    });
    const asked = this.#json(post('devicecode', { client_id: MAIL_APP_ID, scope }), rows);
    if (typeof asked?.user_code !== 'string' || typeof asked.device_code !== 'string') return undefined;
    const result = exchangeCloud(this.#world).identity.enterUserCode(asked.user_code, LOGIN, PASSWORD);
    rows.push({ kind: 'event', event: 'open', text: `On another device, alice opens ${VERIFICATION_URI}, enters ${asked.user_code} and signs in: ${result}` });
    const token = this.#json(post('token', { client_id: MAIL_APP_ID, grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: asked.device_code }), rows);
    return typeof token?.access_token === 'string' ? token.access_token : undefined;
  }

  #json(request: HttpRequest, rows: RowEntry[]): Record<string, unknown> | undefined {
    const entries = this.#send(request);
    rows.push(...entries);
    const response = entries.find((e) => e.kind === 'response');
    if (response?.kind !== 'response' || response.response.status !== 200) return undefined;
    try {
      return JSON.parse(response.response.body) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
}
