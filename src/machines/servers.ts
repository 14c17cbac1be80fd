/** Registers every protocol's driver with the session module; import this once before opening sessions. */
import './smtp-session.driver.ts';
import './pop3-session.driver.ts';
import './imap-session.driver.ts';
