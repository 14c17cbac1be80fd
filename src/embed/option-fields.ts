/**
 * The embed options, one zod schema per URL parameter (zod/mini: the embed pages parse in the browser, and the
 * mini build is tree-shaken to the few checks used). The parser (options.ts), the /teach/ parameter table and the
 * snippet builder all read this one list, so a parameter cannot be documented one way and parsed another.
 */
import * as z from 'zod/mini';
import { lessonIds, type LessonId } from '../data/ids.ts';
import { quizTopics } from '../quiz/types.ts';
import { lineProtocolNames, type LineProtocolName } from '../protocols/registry.ts';

/** The widgets that have an embed page, /embed/<widget>/. */
export const EMBED_WIDGETS = ['simulator', 'exchange', 'devices', 'quiz', 'comparison', 'ports'] as const;
/** One embeddable widget. */
export type EmbedWidget = (typeof EMBED_WIDGETS)[number];

/** What a teacher reads about each widget (the builder, the page titles). */
export const WIDGET_TITLES: Record<EmbedWidget, string> = {
  simulator: 'Session simulator',
  exchange: 'Exchange simulator',
  devices: 'POP3 versus IMAP on two devices',
  quiz: 'Port and encryption quiz',
  comparison: 'Protocol comparison table',
  ports: 'Port table',
};

const int = (min: number, max: number) =>
  z.pipe(z.pipe(z.string().check(z.regex(/^\d{1,10}$/)), z.transform(Number)), z.number().check(z.gte(min), z.lte(max)));
const flag = z.pipe(z.enum(['', '1', 'true', 'yes', '0', 'false', 'no']), z.transform((v) => !['0', 'false', 'no'].includes(v)));
const topicList = z.pipe(
  z.pipe(z.string(), z.transform((v) => v.split(',').map((t) => t.trim()).filter(Boolean))),
  z.array(z.enum(quizTopics)).check(z.minLength(1)),
);

/**
 * The Exchange deployments, as the data file names them (src/data/schema-exchange.ts exchangeDeploymentIds; a test
 * holds the two lists equal). Restated because that module brings full zod, which embed pages must not download.
 */
export const EMBED_DEPLOYMENTS = ['server-se', 'online'] as const;

/** One URL parameter: its schema (from the query string's text), what it accepts, its default, where it applies. */
export interface OptionField {
  /** The parameter's name in the URL. */
  param: string;
  /** The key in the parsed options. */
  key: keyof EmbedOptionValues;
  /** Parses the parameter's text. */
  schema: z.ZodMiniType<unknown, string>;
  /** The values it accepts, in words (the messages and the /teach/ table). */
  accepts: string;
  /** What it does. */
  does: string;
  /** The widgets it applies to. */
  widgets: readonly EmbedWidget[];
}

/** The parsed options (every key optional: a missing one means the widget's own default). */
export interface EmbedOptionValues {
  protocol?: LineProtocolName;
  port?: number;
  scenario?: string;
  startStep?: number;
  mode?: 'guided' | 'free' | 'predict';
  deployment?: (typeof EMBED_DEPLOYMENTS)[number];
  hideNotes?: boolean;
  count?: number;
  topics?: (typeof quizTopics)[number][];
  lesson?: LessonId;
  seed?: number;
  theme: 'light' | 'dark' | 'auto';
  height?: number;
  id?: string;
}

const ALL = EMBED_WIDGETS;
const SIM = ['simulator'] as const;

/** Every URL parameter an embed page reads, in the order the /teach/ table lists them. */
export const OPTION_FIELDS: readonly OptionField[] = [
  { param: 'scenario', key: 'scenario', schema: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), z.maxLength(60)), accepts: 'a scenario id, e.g. smtp-relay-25', does: 'The guided scenario to play.', widgets: SIM },
  { param: 'protocol', key: 'protocol', schema: z.enum(lineProtocolNames as [LineProtocolName, ...LineProtocolName[]]), accepts: `${lineProtocolNames.slice(0, -1).join(', ')} or ${lineProtocolNames.at(-1)}`, does: 'The server for a free session (without a scenario).', widgets: SIM },
  { param: 'port', key: 'port', schema: int(1, 65535), accepts: 'a port number, 1 to 65535', does: 'The port for a free session; it decides the security, as on a real server.', widgets: SIM },
  { param: 'step', key: 'startStep', schema: int(0, 500), accepts: 'a whole number, 0 (the greeting) or more', does: 'Steps already played when the scenario opens.', widgets: SIM },
  { param: 'mode', key: 'mode', schema: z.enum(['guided', 'free', 'predict']), accepts: 'guided, free or predict', does: 'guided steps, a free command line, or guided steps that ask the learner to predict each reply first.', widgets: SIM },
  { param: 'deployment', key: 'deployment', schema: z.enum(EMBED_DEPLOYMENTS), accepts: 'server-se or online', does: 'The Exchange deployment the simulator starts on: Exchange Server SE (on-premises) or Exchange Online.', widgets: ['exchange'] },
  { param: 'hidenotes', key: 'hideNotes', schema: flag, accepts: '1, true or yes (0, false, no turn it off)', does: 'Hides the notes under the guided steps (to discuss them in class).', widgets: SIM },
  { param: 'count', key: 'count', schema: int(1, 50), accepts: 'a whole number, 1 to 50', does: 'How many questions the quiz asks.', widgets: ['quiz'] },
  { param: 'topics', key: 'topics', schema: topicList, accepts: `topic ids separated by commas: ${quizTopics.join(', ')}`, does: 'Which kinds of question the quiz asks.', widgets: ['quiz'] },
  { param: 'lesson', key: 'lesson', schema: z.enum(lessonIds), accepts: `a lesson id: ${lessonIds.join(', ')}`, does: 'Only that lesson’s questions, as its “Check yourself” quiz asks them.', widgets: ['quiz'] },
  { param: 'seed', key: 'seed', schema: int(0, 2_147_483_647), accepts: 'a whole number, 0 to 2147483647', does: 'Gives everyone the same questions in the same order.', widgets: ['quiz'] },
  { param: 'theme', key: 'theme', schema: z.enum(['light', 'dark', 'auto']), accepts: 'light, dark or auto', does: 'Colours; auto follows the theme the reader picked on Mailwire, else their system.', widgets: ALL },
  { param: 'height', key: 'height', schema: int(200, 4000), accepts: 'pixels, 200 to 4000', does: 'The iframe height the snippets use; the widget scrolls inside it when taller.', widgets: ALL },
  { param: 'id', key: 'id', schema: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/)), accepts: 'letters, digits, - and _, up to 40', does: 'Names the saved progress and every event the widget posts; keep it unique on the host page.', widgets: ALL },
];

/** The defaults every widget starts from. */
export const DEFAULT_OPTIONS: EmbedOptionValues = { theme: 'auto' };
