import './src/machines/servers.ts';
import { MailWorld } from './src/protocols/shared/world.ts';
import { openSession } from './src/machines/session.ts';
const w = new MailWorld({ seed: 1 });
function run(p: any, port: number, lines: string[]) {
  const s = openSession(w, p, port);
  console.log(`==== ${p} ${port}`);
  for (const e of s.greeting) console.log(e.kind, e.text);
  for (const l of lines) for (const e of s.send(l).entries) console.log(e.kind === 'client' ? 'C:' : e.kind === 'server' ? 'S:' : '[ev]', e.text);
  return s;
}
run('imap', 143, ['a1 CAPABILITY', 'a2 LOGIN alice wonderland', 'a3 SELECT INBOX', 'a4 STARTTLS', 'a5 CAPABILITY', 'a6 LOGIN alice wrong', 'a7 LOGIN alice wonderland', 'a8 LOGOUT']);
run('imap', 993, ['b1 LOGIN alice wonderland', 'b2 CAPABILITY', 'b3 ENABLE IMAP4rev2', 'b4 STATUS INBOX (MESSAGES UNSEEN UIDNEXT UIDVALIDITY)', 'b5 SELECT INBOX', 'b6 UID FETCH 1:* (FLAGS)', 'b7 UID FETCH 3 (FLAGS BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)])', 'b8 UID FETCH 3 BODY[TEXT]', 'b9 UID FETCH 3 FLAGS', 'b10 AUTHENTICATE PLAIN', 'b11 LOGOUT']);
