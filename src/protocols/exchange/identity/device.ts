/**
 * The device authorization grant (RFC 8628) as Microsoft documents it: `/{tenant}/oauth2/v2.0/devicecode` gives
 * a device code, a user code, the verification URI, `expires_in` (900) and `interval` (5); the user enters the
 * code on another device and signs in (`enterUserCode`, the step a scenario triggers) while the app polls the
 * token endpoint and gets `authorization_pending` until then, and `expired_token` after.
 */
import type { HttpResponse } from '../../shared/http-types.ts';
import type { MailUser } from '../../shared/world.ts';
import { lifetimes, type IdentityContext } from './context.ts';
import { json, opaque, stsError, type Form } from './http.ts';
import { readScopes } from './scopes.ts';

/** Where the user goes to enter the code (microsoft.com/devicelogin in the real world). */
export const VERIFICATION_URI = 'https://microsoft.test/devicelogin';

// User codes avoid letters that read alike (0/O, 1/I), as real ones do.
const USER_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** POST /devicecode: a new device code for `client_id` and `scope`. */
export function deviceCodeEndpoint(ctx: IdentityContext, form: Form): HttpResponse {
  const clientId = form.fields.get('client_id');
  if (clientId === undefined) return stsError(ctx.world, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
  const app = ctx.apps.get(clientId);
  if (!app) return stsError(ctx.world, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory.`);
  if (app.secret !== undefined) return stsError(ctx.world, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", 401);
  const scope = form.fields.get('scope');
  if (scope === undefined) return stsError(ctx.world, 'invalid_request', 900144, "The request body must contain the following parameter: 'scope'.");
  const scopes = readScopes(scope, true);
  if (!scopes.ok) return stsError(ctx.world, 'invalid_scope', scopes.code, scopes.text);
  const hex = ctx.world.newQueueId();
  let userCode = '';
  for (let i = 0; i < 9; i++) userCode += USER_CODE_ALPHABET[parseInt(hex[i]!, 16) * 2 + (i % 2)];
  const deviceCode = opaque(ctx.world, 'DAQABAAEAAAD');
  ctx.devices.set(deviceCode, {
    clientId,
    userCode,
    resource: scopes.resource,
    permissions: scopes.permissions,
    offline: scopes.oidc.includes('offline_access'),
    expiresAt: ctx.world.clock.peek().getTime() + lifetimes.deviceCodeSeconds * 1000,
    state: { kind: 'pending' },
  });
  return json(200, 'OK', {
    user_code: userCode,
    device_code: deviceCode,
    verification_uri: VERIFICATION_URI,
    expires_in: lifetimes.deviceCodeSeconds,
    interval: lifetimes.deviceCodeIntervalSeconds,
    message: `To sign in, use a web browser to open the page ${VERIFICATION_URI} and enter the code ${userCode} to authenticate.`,
  });
}

/** What entering a user code on the verification page led to. */
export type UserCodeResult = 'approved' | 'declined' | 'unknown-code' | 'expired' | 'bad-credentials';

/** The user enters `userCode` and signs in as `login` with `password`, then approves or declines. */
export function enterUserCode(ctx: IdentityContext, userCode: string, login: string, password: string, approve = true): UserCodeResult {
  const grant = [...ctx.devices.values()].find((d) => d.userCode === userCode.trim().toUpperCase() && d.state.kind === 'pending');
  if (!grant) return 'unknown-code';
  if (grant.expiresAt <= ctx.world.clock.peek().getTime()) return 'expired';
  const user: MailUser | undefined = ctx.world.localRecipient(login) ?? ctx.world.user(login);
  if (!user || !ctx.world.authenticate(user.name, password)) return 'bad-credentials';
  grant.state = approve ? { kind: 'approved', user } : { kind: 'declined' };
  return approve ? 'approved' : 'declined';
}
