/**
 * The guided scenarios, for browser code: their ids at once, each scenario's data only when asked for (one small
 * JSON chunk per scenario). No zod here: the replay test validates every file before a build can ship it.
 */
import type { Scenario } from '../../scenarios/scenario.ts';

export type { Scenario };

const files = import.meta.glob<Scenario>('../../content/scenarios/*.json', { import: 'default' });

/** Id of a scenario file: its name without the folder and ".json". */
function idOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
}

const loaders = new Map(Object.entries(files).map(([path, load]) => [idOf(path), load]));

/** The order a learner meets the scenarios in: each protocol's basics first, then mistakes and special cases. */
const LEARNING_ORDER: readonly string[] = [
  'smtp-submission-587', 'smtp-submission-465', 'smtp-first-session', 'smtp-relay-25', 'smtp-envelope-bcc', 'smtp-auth-login',
  'smtp-mistakes', 'smtp-mistakes-relay', 'smtp-bounce', 'smtp-trouble-auth', 'smtp-trouble-unknown-user',
  'smtp-trouble-too-big', 'smtp-trouble-timeout', 'smtp-trouble-port-25-blocked',
  'pop3-first-session', 'pop3-stls-vs-995', 'pop3-implicit-995', 'pop3-sasl-uidl-top', 'pop3-download-delete',
  'pop3-leave-on-server', 'pop3-rset', 'pop3-dropped-connection', 'pop3-trouble-in-use',
  'imap-first-session', 'imap-login-read', 'imap-uids-peek', 'imap-read-new-mail', 'imap-search', 'imap-delete-vs-move',
  'imap-rev2-enable', 'imap-trouble-login', 'imap-idle',
  'imap-exchange-online-oauth', 'smtp-exchange-online-oauth', 'imap-exchange-online-read',
];

/** Every scenario id in learning order; a file not in that order yet comes last, alphabetically. */
export const scenarioIds: readonly string[] = [...loaders.keys()].sort((a, b) => {
  const rank = (id: string) => (LEARNING_ORDER.includes(id) ? LEARNING_ORDER.indexOf(id) : LEARNING_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
});

/** Loads one scenario's data; undefined for an unknown id. */
export async function loadScenario(id: string): Promise<Scenario | undefined> {
  const load = loaders.get(id);
  return load ? await load() : undefined;
}
