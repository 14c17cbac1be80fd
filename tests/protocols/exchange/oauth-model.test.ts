/**
 * Model-based test of the OAuth flows (fast-check commands): codes are used once, a PKCE mismatch is refused,
 * codes, device codes and access tokens expire on the world's clock, a device code is pending until its user
 * signs in and then granted once. The model says what each step must answer; the platform must agree.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exchangeFacts } from '../../../src/data/exchange.ts';
import { IdentityPlatform, MAIL_APP_ID } from '../../../src/protocols/exchange/identity/platform.ts';
import { exchangeServer } from '../../../src/protocols/exchange/server.ts';
import { MailWorld } from '../../../src/protocols/shared/world.ts';
import { authorizationCode, graph, jsonOf, postForm, REDIRECT, VERIFIER } from './oauth-helpers.ts';

const L = exchangeFacts.identityLifetimes;
const TOKEN = '/common/oauth2/v2.0/token';

interface Model {
  now: number;
  codes: { code: string; used: boolean; expiresAt: number }[];
  devices: { device: string; user: string; state: 'pending' | 'approved' | 'redeemed'; expiresAt: number }[];
  tokens: { token: string; expiresAt: number }[];
}
interface Real {
  world: MailWorld;
  idp: IdentityPlatform;
  server: ReturnType<typeof exchangeServer>;
}
type Cmd = fc.Command<Model, Real>;

const grantToken = (m: Model, body: Record<string, any>) => m.tokens.push({ token: body.access_token, expiresAt: m.now + L.accessTokenSeconds * 1000 });

class StartCode implements Cmd {
  check = () => true;
  run(m: Model, r: Real) {
    m.codes.push({ code: authorizationCode(r.idp, 'Mail.Read'), used: false, expiresAt: m.now + L.authorizationCodeSeconds * 1000 });
  }
  toString = () => 'StartCode';
}

class Redeem implements Cmd {
  readonly pick: number;
  readonly rightVerifier: boolean;
  constructor(pick: number, rightVerifier: boolean) {
    this.pick = pick;
    this.rightVerifier = rightVerifier;
  }
  check = (m: Readonly<Model>) => m.codes.length > 0;
  run(m: Model, r: Real) {
    const c = m.codes[this.pick % m.codes.length]!;
    const res = jsonOf(r.idp.handle(postForm(TOKEN, { client_id: MAIL_APP_ID, grant_type: 'authorization_code', code: c.code, redirect_uri: REDIRECT, code_verifier: this.rightVerifier ? VERIFIER : `${VERIFIER.slice(1)}x` })));
    const expected = c.used ? 54005 : c.expiresAt <= m.now ? 70008 : !this.rightVerifier ? 50148 : undefined;
    if (expected === undefined) {
      expect(res.token_type).toBe('Bearer');
      c.used = true;
      grantToken(m, res);
    } else expect(res.error_codes).toEqual([expected]);
  }
  toString = () => `Redeem(${this.pick}, ${this.rightVerifier})`;
}

class StartDevice implements Cmd {
  check = () => true;
  run(m: Model, r: Real) {
    const res = jsonOf(r.idp.handle(postForm('/common/oauth2/v2.0/devicecode', { client_id: MAIL_APP_ID, scope: 'Mail.Read' })));
    m.devices.push({ device: res.device_code, user: res.user_code, state: 'pending', expiresAt: m.now + L.deviceCodeSeconds * 1000 });
  }
  toString = () => 'StartDevice';
}

class SignIn implements Cmd {
  readonly pick: number;
  constructor(pick: number) {
    this.pick = pick;
  }
  check = (m: Readonly<Model>) => m.devices.length > 0;
  run(m: Model, r: Real) {
    const d = m.devices[this.pick % m.devices.length]!;
    const result = r.idp.enterUserCode(d.user, 'alice', 'wonderland');
    const expected = d.state !== 'pending' ? 'unknown-code' : d.expiresAt <= m.now ? 'expired' : 'approved';
    expect(result).toBe(expected);
    if (expected === 'approved') d.state = 'approved';
  }
  toString = () => `SignIn(${this.pick})`;
}

class Poll implements Cmd {
  readonly pick: number;
  constructor(pick: number) {
    this.pick = pick;
  }
  check = (m: Readonly<Model>) => m.devices.length > 0;
  run(m: Model, r: Real) {
    const d = m.devices[this.pick % m.devices.length]!;
    const res = jsonOf(r.idp.handle(postForm(TOKEN, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: MAIL_APP_ID, device_code: d.device })));
    const expected = d.state === 'redeemed' ? 'bad_verification_code' : d.expiresAt <= m.now ? 'expired_token' : d.state === 'pending' ? 'authorization_pending' : undefined;
    if (expected === undefined) {
      expect(res.token_type).toBe('Bearer');
      d.state = 'redeemed';
      grantToken(m, res);
    } else expect(res.error).toBe(expected);
  }
  toString = () => `Poll(${this.pick})`;
}

class CallGraph implements Cmd {
  readonly pick: number;
  constructor(pick: number) {
    this.pick = pick;
  }
  check = (m: Readonly<Model>) => m.tokens.length > 0;
  run(m: Model, r: Real) {
    const t = m.tokens[this.pick % m.tokens.length]!;
    const res = r.server(graph('GET', '/v1.0/me/mailFolders', t.token));
    expect(res.status).toBe(t.expiresAt <= m.now ? 401 : 200);
  }
  toString = () => `CallGraph(${this.pick})`;
}

class Tick implements Cmd {
  readonly seconds: number;
  constructor(seconds: number) {
    this.seconds = seconds;
  }
  check = () => true;
  run(m: Model, r: Real) {
    r.world.clock.tick(this.seconds * 1000);
    m.now += this.seconds * 1000;
  }
  toString = () => `Tick(${this.seconds})`;
}

const commands = [
  fc.constant(new StartCode()),
  fc.tuple(fc.nat(), fc.boolean()).map(([p, v]) => new Redeem(p, v)),
  fc.constant(new StartDevice()),
  fc.nat().map((p) => new SignIn(p)),
  fc.nat().map((p) => new Poll(p)),
  fc.nat().map((p) => new CallGraph(p)),
  fc.constantFrom(1, 5, 300, 599, 600, 900, 3599).map((s) => new Tick(s)),
];

describe('OAuth flows, model-based', () => {
  test('property: every step answers as the model of RFC 6749, RFC 7636 and RFC 8628 says', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
        const world = new MailWorld();
        const idp = new IdentityPlatform(world);
        const server = exchangeServer(world, 'online', { authorizer: idp.authorizer });
        fc.modelRun(() => ({ model: { now: world.clock.peek().getTime(), codes: [], devices: [], tokens: [] }, real: { world, idp, server } }), cmds);
      }),
      { numRuns: 150 },
    );
  });
});
