/**
 * Resources and their permissions in the simulated Microsoft identity platform. A scope names a resource by its
 * identifier URI and a permission ("https://outlook.office.com/IMAP.AccessAsUser.All"); a bare permission means
 * Microsoft Graph, as Entra ID reads it. The simulated world's hosts end in .test (RFC 2606), so the audience a
 * token carries is the simulated host; the real identifier URIs are accepted as names of the same resource.
 */

/** The simulated Microsoft Graph's audience (graph.microsoft.com in the real world). */
export const GRAPH_RESOURCE = 'https://graph.microsoft.test';
/** The simulated Exchange Online's audience (outlook.office365.com in the real world). */
export const EXCHANGE_RESOURCE = 'https://outlook.office365.test';

/** One resource: its audience, the URIs that name it, its delegated scopes and its app roles, in canonical case. */
export interface Resource {
  audience: string;
  identifiers: readonly string[];
  delegated: readonly string[];
  roles: readonly string[];
}

/** Graph and Exchange Online, with the mail permissions Microsoft documents for each. */
export const RESOURCES: readonly Resource[] = [
  {
    audience: GRAPH_RESOURCE,
    identifiers: ['https://graph.microsoft.com', GRAPH_RESOURCE, '00000003-0000-0000-c000-000000000000'],
    delegated: ['Mail.Read', 'Mail.ReadWrite', 'Mail.Send', 'User.Read'],
    roles: ['Mail.Read', 'Mail.ReadWrite', 'Mail.Send'],
  },
  {
    audience: EXCHANGE_RESOURCE,
    identifiers: ['https://outlook.office.com', 'https://outlook.office365.com', EXCHANGE_RESOURCE, '00000002-0000-0ff1-ce00-000000000000'],
    delegated: ['IMAP.AccessAsUser.All', 'POP.AccessAsUser.All', 'SMTP.Send', 'EWS.AccessAsUser.All', 'EAS.AccessAsUser.All'],
    roles: ['IMAP.AccessAsApp', 'POP.AccessAsApp', 'SMTP.SendAsApp', 'full_access_as_app'],
  },
];

/** OpenID Connect scopes: they name no resource (offline_access asks for a refresh token). */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

/** A scope parameter read: the resource asked for, its permissions, the OIDC scopes, or why it is refused. */
export type ScopeRequest =
  | { ok: true; resource: Resource; permissions: string[]; oidc: string[]; dotDefault: boolean; others: Resource[] }
  | { ok: false; code: 70011 | 28000; text: string };

function resourceNamed(uri: string): Resource | undefined {
  const wanted = uri.toLowerCase().replace(/\/+$/, '');
  return RESOURCES.find((r) => r.identifiers.some((id) => id.toLowerCase() === wanted));
}

/**
 * Reads a space-separated scope parameter. Permissions compare case-insensitively, as Entra ID does; unknown
 * ones and unknown resources are AADSTS70011, two resources in one token request AADSTS28000 (when `single`).
 */
export function readScopes(scope: string, single: boolean): ScopeRequest {
  const items = scope.split(' ').filter((s) => s !== '');
  const oidc: string[] = [];
  const byResource = new Map<Resource, string[]>();
  let dotDefault = false;
  for (const item of items) {
    const lower = item.toLowerCase();
    const o = OIDC_SCOPES.find((s) => s === lower);
    if (o) {
      if (!oidc.includes(o)) oidc.push(o);
      continue;
    }
    const slash = item.lastIndexOf('/');
    const resource = slash < 0 ? RESOURCES[0]! : resourceNamed(item.slice(0, slash));
    const name = slash < 0 ? item : item.slice(slash + 1);
    const invalid = { ok: false as const, code: 70011 as const, text: `The provided value for the input parameter 'scope' is not valid. The scope ${item} is not valid.` };
    if (!resource) return invalid;
    const list = byResource.get(resource) ?? [];
    byResource.set(resource, list);
    if (name === '.default') {
      dotDefault = true;
      continue;
    }
    const canonical = [...resource.delegated, ...resource.roles].find((p) => p.toLowerCase() === name.toLowerCase());
    if (!canonical || !resource.delegated.includes(canonical)) return invalid;
    if (!list.includes(canonical)) list.push(canonical);
  }
  const resources = [...byResource.keys()];
  if (single && resources.length > 1) {
    return { ok: false, code: 28000, text: `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.` };
  }
  // Asking only for OIDC scopes gets a token for Graph's User.Read, as Entra ID does.
  const resource = resources[0] ?? RESOURCES[0]!;
  const permissions = byResource.get(resource) ?? (resources.length === 0 ? ['User.Read'] : []);
  return { ok: true, resource, permissions, oidc, dotDefault, others: resources.slice(1) };
}

/** The scope string written back in a token response: the permissions with their resource's first URI. */
export function scopeString(resource: Resource, permissions: readonly string[]): string {
  const prefix = resource.audience === GRAPH_RESOURCE ? '' : `${resource.identifiers[0]}/`;
  return permissions.map((p) => `${prefix}${p}`).join(' ');
}
