/**
 * Registers the other vendors' servers a session can open with (`openSession(…, { server: 'exchange-online' })`).
 * Kept apart from session.ts so a page that never opens Exchange Online does not load Microsoft's side.
 */
import { exchangeOnlineMail } from '../protocols/exchange/online-mail.ts';
import { registerPersonality } from './session.ts';

registerPersonality('exchange-online', exchangeOnlineMail);
