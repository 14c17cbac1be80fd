/**
 * Mailwire's colours for transcript tokens, added to whichever code theme the site uses, so that success and
 * failure read differently in both light and dark themes. Expressive Code then raises any colour below its
 * minimum contrast against the code background.
 */

/** A TextMate theme rule: the shape Shiki and Expressive Code themes share. */
export interface TokenRule {
  scope: string[];
  settings: { foreground?: string; fontStyle?: string };
}

type Palette = Record<'client' | 'command' | 'server' | 'success' | 'failure' | 'detail' | 'code' | 'tag' | 'marker' | 'event', string>;

const palettes: Record<'dark' | 'light', Palette> = {
  dark: {
    client: '#82aaff',
    command: '#c792ea',
    server: '#a9b7c6',
    success: '#7ee787',
    failure: '#ff8b80',
    detail: '#b4c2d3',
    code: '#7fdbca',
    tag: '#ffcb8b',
    marker: '#d2a8ff',
    event: '#ecc48d',
  },
  light: {
    client: '#0550ae',
    command: '#7a3dd6',
    server: '#4b5563',
    success: '#116329',
    failure: '#b31d28',
    detail: '#4d5a67',
    code: '#0a6464',
    tag: '#8a4600',
    marker: '#6f42c1',
    event: '#7d4e00',
  },
};

/** Theme rules for the transcript grammars' scopes (see transcript-grammar.ts). */
export function transcriptTokenRules(type: 'dark' | 'light'): TokenRule[] {
  const c = palettes[type];
  const rule = (scope: string[], foreground: string, fontStyle?: string): TokenRule => ({
    scope,
    settings: fontStyle ? { foreground, fontStyle } : { foreground },
  });
  return [
    rule(['support.type.prefix.client.transcript'], c.client, 'bold'),
    rule(['variable.parameter.prefix.server.transcript'], c.server),
    rule(['keyword.control.command'], c.command, 'bold'),
    rule(['markup.inserted.reply-code', 'markup.inserted.status'], c.success, 'bold'),
    rule(['markup.deleted.reply-code', 'markup.deleted.status'], c.failure, 'bold'),
    rule(['invalid.illegal.status'], c.failure, 'bold italic'),
    rule(['markup.changed.status'], c.tag, 'bold'),
    rule(['constant.numeric.enhanced-status-code'], c.detail),
    rule(['support.constant.response-code'], c.code),
    rule(['entity.name.tag.imap'], c.tag),
    rule(['keyword.operator.untagged', 'keyword.operator.continuation'], c.marker, 'bold'),
    rule(['markup.heading.event.transcript', 'meta.event.transcript'], c.event, 'italic'),
    rule(['constant.character.escape.dot-stuffing', 'keyword.control.terminator'], c.marker, 'bold'),
  ];
}

/** Expressive Code's customizeTheme hook: appends the transcript rules to a theme. */
export function addTranscriptColors<T extends { type: string; settings: unknown[] }>(theme: T): T {
  theme.settings.push(...transcriptTokenRules(theme.type === 'light' ? 'light' : 'dark'));
  return theme;
}
