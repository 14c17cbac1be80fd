/** The table the lab prints at start: what listens where, the test users, the certificate, the log format. */
import { roleLabels } from '../data/lookup.ts';
import { LINE_PROFILES, profileOf } from '../protocols/registry.ts';
import { HTTP_SERVERS } from '../protocols/http-servers.ts';
import { CERT_NAMES } from './cert.ts';
import { COMMAND_TIMEOUT, IDLE_DEFAULTS, MAX_CONNECTIONS, MAX_CONNECTIONS_PER_ADDRESS } from './config.ts';
import type { CliOptions } from './options.ts';
import type { Lab } from './server.ts';

/** The start-up text for a running lab. */
export function banner(lab: Lab, options: Pick<CliOptions, 'host' | 'seed' | 'idleTimeout' | 'quiet' | 'commandTimeout' | 'maxConnections' | 'maxConnectionsPerAddress' | 'exchange'>): string {
  // An IPv6 address needs brackets before ":port".
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const rows = [
    ['Protocol', 'Listens on', 'Port it plays', 'Security', 'Role'],
    ...lab.ports.map((p) => [profileOf(p.protocol).label, `${host}:${p.port}`, String(p.standardPort), p.securityLabel, roleLabels[p.role]]),
    // Exchange Online's rows name it in the last column, so the course's own rows keep their layout.
    ...lab.exchangeOnlinePorts.map((p) => [profileOf(p.protocol).label, `${host}:${p.port}`, String(p.standardPort), p.securityLabel, `${roleLabels[p.role]}: Exchange Online, OAuth (XOAUTH2)`]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const table = rows.map((r) => `  ${r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd());
  const users = [...lab.world.users.values()].map((u) => `${u.name} / ${u.password} (${u.address})`).join(', ');
  const idle = LINE_PROFILES.map((p) => `${p.label} ${options.idleTimeout ?? IDLE_DEFAULTS[p.id]} s`).join(', ');
  const submission = lab.ports.find((p) => p.standardPort === 587)?.port;
  const imaps = lab.ports.find((p) => p.standardPort === 993)?.port;
  return [
    `Mailwire lab: simulated mail servers sharing one mail world (seed ${options.seed ?? 1})`,
    '',
    ...table,
    '',
    ...(isLoopback(options.host) ? [] : [`Warning: ${options.host} is not loopback: anyone who can reach this machine can connect and log in.`, '']),
    ...Object.values(HTTP_SERVERS).flatMap((s) => s.bannerLines?.(lab.httpPorts.filter((p) => p.protocol === s.protocol), host, options.exchange) ?? []),
    ...(lab.exchangeOnlinePorts.length > 0
      ? ['Exchange Online mail: the IMAP, POP3 and SMTP rows marked Exchange Online refuse passwords on IMAP and POP3; log in with XOAUTH2 and a token from the identity platform (src/lab/README.md, "Exchange Online")']
      : []),
    ...lab.httpPorts.filter((p) => p.testOnly).map((p) => `Test protocol: ${p.protocol} over HTTP on ${host}:${p.port} (plays ${p.standardPort}; not a mail protocol): curl http://${host}:${p.port}/hello?name=ada`),
    `Test users: ${users}`,
    `TLS: self-signed certificate for ${[...CERT_NAMES.dns, ...CERT_NAMES.ip].join(', ')} (accept it in your client)`,
    `     SHA-256 fingerprint ${lab.certificate.fingerprint}`,
    `Idle timeouts: ${idle}`,
    `Store limits: messages up to ${octetsText(lab.world.limits.messageOctets)} (SMTP SIZE, IMAP APPEND), ${octetsText(lab.world.limits.userQuotaOctets)} per user, ${octetsText(lab.world.limits.storeOctets)} in all`,
    `Connection limits: a command line must end within ${options.commandTimeout ?? COMMAND_TIMEOUT} s of its first octet; ` +
      `${options.maxConnectionsPerAddress ?? MAX_CONNECTIONS_PER_ADDRESS} connections per client address, ${options.maxConnections ?? MAX_CONNECTIONS} in all (see src/lab/README.md, "Limits")`,
    `Try: openssl s_client -starttls smtp -connect ${host}:${submission} -crlf -quiet`,
    `     openssl s_client -connect ${host}:${imaps} -crlf -quiet`,
    options.quiet
      ? 'Transcript off (--quiet). Ctrl-C stops the lab.'
      : 'Transcript below: [port session] C:/S: plaintext, C*:/S*: inside TLS, -- events. Ctrl-C stops the lab.',
    '',
  ].join('\n');
}

/** Octets as people read them: "10,240,000 octets", or "50 MiB" for whole mebibytes. */
function octetsText(n: number): string {
  return n % 1048576 === 0 ? `${n / 1048576} MiB` : `${n.toLocaleString('en-US')} octets`;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
