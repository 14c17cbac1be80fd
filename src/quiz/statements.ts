/** Quiz questions about how a port is protected and which common beliefs about ports are myths. */
import { facts, portLessons, roleLabels, securityLabels, tlsBeforeLoginLabels } from '../data/lookup.ts';
import type { PortFact } from '../data/lookup.ts';
import { securityModes } from '../data/ids.ts';
import type { SecurityMode } from '../data/ids.ts';
import { citation } from './cite.ts';
import type { QuizQuestion } from './types.ts';

/** Security-mode questions offer the answer and this many other modes. */
const OTHER_MODES = 3;

/**
 * The modes nearest the answer in `securityModes` order (weakest to strongest), counted in a circle so that
 * Plaintext and HTTPS, the two web modes, are neighbours and a port-80 question still offers HTTPS. There is one
 * STARTTLS mode, so no question offers two STARTTLS answers that a learner could defend: whether a server refuses
 * logins before TLS is its configuration, not the port's mode.
 */
function nearbyModes(answer: SecurityMode): SecurityMode[] {
  const at = securityModes.indexOf(answer);
  const n = securityModes.length;
  const circular = (m: SecurityMode): number => {
    const d = Math.abs(securityModes.indexOf(m) - at);
    return Math.min(d, n - d);
  };
  return securityModes
    .filter((m) => m !== answer)
    .map((m) => ({ m, distance: circular(m) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, OTHER_MODES)
    .map(({ m }) => m);
}

/**
 * "How is a connection on port 465 protected?": one per port IANA registers for its role, four security labels to
 * choose from. Not 2525: its security is each vendor's choice, so no one answer is right for every provider.
 */
export function securityModeQuestions(): QuizQuestion[] {
  return facts.ports.filter((p) => p.ianaRegisteredForRole).map((p) => {
    const options = [p.security, ...nearbyModes(p.security)].map((m) => ({ id: m, label: securityLabels[m] }));
    return {
      id: `security-mode:${p.port}`,
      topic: 'security-mode',
      prompt: `How is a connection on port ${p.port} protected?`,
      options,
      answer: p.security,
      explanation: p.description,
      source: citation(p.sources.security),
      lessons: portLessons(p),
    };
  });
}

/** A port's security as the learner reads it, with the STARTTLS policy where there is one. */
export function securityText(p: PortFact): string {
  return p.tlsBeforeLogin ? `${securityLabels[p.security]} (${tlsBeforeLoginLabels[p.tlsBeforeLogin]})` : securityLabels[p.security];
}

/** The two answers of every myth-or-fact question, in reading order. */
const mythOrFact = [
  { id: 'myth', label: 'Myth' },
  { id: 'fact', label: 'Fact' },
];

/** Per port, its misconception as a myth and its description as a fact; then the myths tied to no port. */
export function mythOrFactQuestions(): QuizQuestion[] {
  return [...portStatements(), ...generalMyths()];
}

/** A correction's first sentence (a true statement on its own) and the rest. */
export function firstSentence(text: string): { sentence: string; rest: string } {
  const at = text.search(/\.\s/);
  return at < 0 ? { sentence: text, rest: '' } : { sentence: text.slice(0, at + 1), rest: text.slice(at + 2).trim() };
}

/**
 * The general myths (POP3 deletes mail, STARTTLS is unencrypted…), each asked like a port's misconception, and
 * the first sentence of each correction asked as a fact, so that "Fact" is as often right as "Myth".
 */
function generalMyths(): QuizQuestion[] {
  return facts.myths.flatMap((m): QuizQuestion[] => {
    const { sentence, rest } = firstSentence(m.correction);
    return [
      {
        id: `myth-or-fact:myth:${m.id}`,
        topic: 'myth-or-fact',
        prompt: `Myth or fact? ${m.myth}`,
        options: mythOrFact.map((o) => ({ ...o })),
        answer: 'myth',
        explanation: m.correction,
        source: citation(m.sources),
        lessons: [...m.lessons],
      },
      {
        id: `myth-or-fact:fact:${m.id}`,
        topic: 'myth-or-fact',
        prompt: `Myth or fact? ${sentence}`,
        options: mythOrFact.map((o) => ({ ...o })),
        answer: 'fact',
        explanation: `${rest ? `${rest} ` : ''}It corrects a common myth: “${m.myth}”`,
        source: citation(m.sources),
        lessons: [...m.lessons],
      },
    ];
  });
}

/** Per port, its misconception as a myth and its description as a fact. */
function portStatements(): QuizQuestion[] {
  return facts.ports.flatMap((p): QuizQuestion[] => [
    {
      id: `myth-or-fact:myth:${p.port}`,
      topic: 'myth-or-fact',
      prompt: `Myth or fact? ${p.misconception.myth}`,
      options: mythOrFact.map((o) => ({ ...o })),
      answer: 'myth',
      explanation: p.misconception.correction,
      source: citation(p.sources.misconception),
      lessons: portLessons(p),
    },
    {
      id: `myth-or-fact:fact:${p.port}`,
      topic: 'myth-or-fact',
      prompt: `Myth or fact? Port ${p.port}: ${p.description}`,
      options: mythOrFact.map((o) => ({ ...o })),
      answer: 'fact',
      // The prompt already quotes the description; the feedback adds the port's role and security mode, and the
      // question cites the sources of what the description states (for 110: STLS, RFC 2595 §4).
      explanation: `Port ${p.port}. Role: ${roleLabels[p.role]}. Security: ${securityText(p)}.`,
      source: citation(p.sources.description),
      lessons: portLessons(p),
    },
  ]);
}
