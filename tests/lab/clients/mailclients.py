"""Real mail clients from Python's standard library, pointed at the Mailwire lab by tests/lab/python-clients.test.ts.

Each subcommand runs one session and prints what it saw as one JSON object on stdout. The TLS context does not
verify the lab's self-signed certificate, exactly as a student would configure a client for it.
Usage: python3 mailclients.py <smtp|pop3|imap> <starttls|ssl> <host> <port> <user> <password> [args...]
"""
import email
import imaplib
import json
import poplib
import smtplib
import ssl
import sys
from email.message import EmailMessage


def context():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def text(value):
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, (list, tuple)):
        return [text(v) for v in value]
    return value


def smtp(mode, host, port, user, password, sender, recipient, subject):
    out = {}
    if mode == "ssl":
        client = smtplib.SMTP_SSL(host, port, local_hostname="laptop.example.test", context=context(), timeout=10)
        out["ehlo"] = client.ehlo()[0]
    else:
        client = smtplib.SMTP(host, port, local_hostname="laptop.example.test", timeout=10)
        out["ehlo_before_tls"] = client.ehlo()[0]
        out["auth_before_tls"] = client.has_extn("auth")
        out["starttls"] = client.starttls(context=context())[0]
        out["ehlo"] = client.ehlo()[0]
    out["auth_after_tls"] = client.has_extn("auth")
    out["login"] = client.login(user, password)[0]
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = recipient
    msg["Subject"] = subject
    msg.set_content("Hello from Python's smtplib.\n.A line that starts with a dot.\n")
    out["refused"] = client.send_message(msg)
    out["quit"] = client.quit()[0]
    return out


def pop3(mode, host, port, user, password, subject, delete):
    out = {}
    if mode == "ssl":
        client = poplib.POP3_SSL(host, port, context=context(), timeout=10)
    else:
        client = poplib.POP3(host, port, timeout=10)
        out["stls"] = text(client.stls(context=context()))
    out["welcome"] = text(client.getwelcome())
    out["capa"] = sorted(client.capa().keys())
    out["user"] = text(client.user(user))
    out["pass"] = text(client.pass_(password))
    out["stat"] = list(client.stat())
    listing = client.list()
    out["list"] = text(listing[1])
    out["uidl"] = text(client.uidl()[1])
    found = None
    for entry in listing[1]:
        number = int(entry.split()[0])
        lines = client.retr(number)[1]
        parsed = email.message_from_bytes(b"\r\n".join(lines))
        if parsed["Subject"] == subject:
            found = {"number": number, "subject": parsed["Subject"], "body": parsed.get_payload()}
    out["found"] = found
    if found is not None:
        out["top"] = text(client.top(found["number"], 0)[1])
        if delete == "yes":
            out["dele"] = text(client.dele(found["number"]))
    out["quit"] = text(client.quit())
    return out


def imap(mode, host, port, user, password, subject, action):
    out = {}
    if mode == "ssl":
        client = imaplib.IMAP4_SSL(host, port, ssl_context=context(), timeout=10)
    else:
        client = imaplib.IMAP4(host, port, timeout=10)
        out["capabilities_before_tls"] = sorted(client.capabilities)
        out["starttls"] = client.starttls(ssl_context=context())[0]
    out["capabilities"] = sorted(client.capabilities)
    out["login"] = client.login(user, password)[0]
    draft = b"From: %s@example.test\r\nSubject: Draft via APPEND\r\n\r\nA literal with\r\n.a dot line\r\n" % user.encode()
    typ, data = client.append("Drafts", "(\\Draft)", None, draft)
    out["append"] = [typ, text(data)]
    typ, data = client.select("INBOX")
    out["select"] = [typ, text(data)]
    typ, data = client.search(None, "SUBJECT", '"%s"' % subject)
    numbers = data[0].split()
    out["search"] = text(numbers)
    if not numbers:
        out["logout"] = client.logout()[0]
        return out
    n = numbers[-1]
    typ, data = client.fetch(n, "(UID FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
    out["fetch_header"] = text(data[0][1]).strip()
    typ, data = client.fetch(n, "(RFC822)")
    parsed = email.message_from_bytes(data[0][1])
    out["fetch_subject"] = parsed["Subject"]
    typ, data = client.store(n, "+FLAGS", "\\Flagged")
    out["store"] = [typ, text(data)]
    typ, data = client.search(None, "FLAGGED")
    out["flagged"] = text(data[0].split())
    if action == "copy":
        out["copy"] = client.copy(n, "Archive")[0]
        out["store_deleted"] = client.store(n, "+FLAGS", "\\Deleted")[0]
        typ, data = client.expunge()
        out["expunge"] = [typ, text(data)]
    else:
        typ, data = client._simple_command("MOVE", n, "Archive")
        out["move"] = typ
    typ, data = client.status("Archive", "(MESSAGES)")
    out["archive_status"] = text(data)
    out["close"] = client.close()[0]
    out["logout"] = client.logout()[0]
    return out


def main(argv):
    kind, mode, host, port, user, password, *rest = argv
    port = int(port)
    if kind == "smtp":
        result = smtp(mode, host, port, user, password, *rest)
    elif kind == "pop3":
        result = pop3(mode, host, port, user, password, *rest)
    else:
        result = imap(mode, host, port, user, password, *rest)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
