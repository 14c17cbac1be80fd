/** The Exchange widget in the embed set: its deployment option is validated like the others, and snippets carry it. */
import { describe, expect, test } from 'vitest';
import { exchangeDeploymentIds } from '../../src/data/schema-exchange.ts';
import { EMBED_DEPLOYMENTS } from '../../src/embed/option-fields.ts';
import { EMBED_WIDGETS, parseEmbedOptions } from '../../src/embed/options.ts';
import { embedUrl, iframeSnippet } from '../../src/embed/snippets.ts';
import { exchangeProps } from '../../src/embed/widget-props.ts';

describe('the Exchange embed', () => {
  test('is an embed widget whose deployments are the data file’s', () => {
    expect(EMBED_WIDGETS).toContain('exchange');
    expect([...EMBED_DEPLOYMENTS]).toEqual([...exchangeDeploymentIds]);
  });

  test('deployment=online is read; a bad value or another widget’s option gets a sentence and the default', () => {
    expect(parseEmbedOptions('exchange', '?deployment=online&id=lab1')).toEqual({ widget: 'exchange', options: { theme: 'auto', deployment: 'online', id: 'lab1' }, messages: [] });
    const bad = parseEmbedOptions('exchange', '?deployment=<script>&scenario=smtp-relay-25');
    expect(bad.options.deployment).toBeUndefined();
    expect(bad.messages).toEqual([
      'The option “deployment” is “?script?”, which is not server-se or online; the default is used.',
      'The option “scenario” does not apply to the exchange simulator; ignored.',
    ]);
    expect(parseEmbedOptions('simulator', '?deployment=online').messages[0]).toContain('does not apply to the session simulator');
  });

  test('props and snippets', () => {
    expect(exchangeProps({ theme: 'auto' })).toEqual({ deployment: 'server-se', label: 'Exchange simulator (exchange)' });
    expect(exchangeProps({ theme: 'auto', deployment: 'online', id: 'x' })).toEqual({ deployment: 'online', label: 'Exchange simulator (x)' });
    const url = embedUrl('exchange', { deployment: 'online', scenario: 'ignored' });
    expect(url).toBe('https://mailwire.example/embed/exchange/?deployment=online');
    expect(iframeSnippet('exchange', url)).toContain('title="Mailwire: Exchange simulator"');
  });
});
