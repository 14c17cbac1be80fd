/** The limits the simulated SMTP server applies and advertises. */
import { DEFAULT_LIMITS } from '../shared/limits.ts';

/**
 * Largest message a world accepts unless its options say otherwise, in octets; advertised as `SIZE` (RFC 1870 §4).
 * Postfix's default message_size_limit. A session uses its world's limit (`world.limits.messageOctets`).
 */
export const MESSAGE_SIZE_LIMIT = DEFAULT_LIMITS.messageOctets;

/**
 * Bad commands Postfix answers before it says 421 and hangs up: smtpd_hard_error_limit, default 20 (global/mail_params.h
 * DEF_SMTPD_HARD_ERLIM; smtpd.c checks `error_count >= var_smtpd_hard_erlim` before reading each command).
 */
export const HARD_ERROR_LIMIT = 20;

/**
 * HELO, EHLO, NOOP, RSET and VRFY Postfix takes per message before each one more counts as an error:
 * smtpd_junk_command_limit, default 100 (DEF_SMTPD_JUNK_CMD; smtpd.c SMTPD_CMD_FLAG_LIMIT).
 */
export const JUNK_COMMAND_LIMIT = 100;

/** Postfix refuses MAIL when the queue has less room than this many times message_size_limit (smtpd_space_multf). */
export const SPACE_MULTIPLIER = 1.5;

/** Most recipients in one transaction; advertised as `LIMITS RCPTMAX` (RFC 9422 §4.2), RFC 5321 §4.5.3.1.8's minimum. */
export const RCPT_MAX = 100;

/** Longest command line, CRLF included (RFC 5321 §4.5.3.1.4). */
export const COMMAND_LINE_OCTETS = 512;

/** Longest text line inside DATA, CRLF included, not counting a dot added for transparency (RFC 5321 §4.5.3.1.6). */
export const TEXT_LINE_OCTETS = 1000;

/** Longest line of a SASL exchange, CRLF included (RFC 4954 §4). */
export const SASL_LINE_OCTETS = 12288;

/** Longest reverse-path or forward-path, angle brackets included (RFC 5321 §4.5.3.1.3). */
export const PATH_OCTETS = 256;

/** Longest reply line, CRLF included (RFC 5321 §4.5.3.1.5). */
export const REPLY_LINE_OCTETS = 512;
