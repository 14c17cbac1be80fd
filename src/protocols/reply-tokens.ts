/**
 * Splits a server reply line into plain text and the tokens a learner can ask about, with the protocol's own
 * tokeniser (its profile's): SMTP reply codes and enhanced status codes, POP3 status indicators and response codes,
 * IMAP tags, "*", "+", status words and response codes, and the base64 of SASL challenges. Each explainable token
 * carries the key to look up in its protocol's reply catalogue.
 */
import { profileOf, type ProtocolName } from './registry.ts';
import { replyKeysWith, type Token, type TokenKind } from './shared/tokens.ts';

export type { Token, TokenKind };

/** The pieces of one server line, in order; joining their texts gives `line` back. */
export function tokenize(protocol: ProtocolName, line: string): Token[] {
  return profileOf(protocol).tokenize(line);
}

/** The tokens worth annotating a whole reply with: the last line's code or status and its response code. */
export function replyKeys(protocol: ProtocolName, lines: readonly string[]): string[] {
  return replyKeysWith(profileOf(protocol).tokenize, lines);
}
