"""Python's own mail clients against the lab's Exchange Online listeners, driven by tests/lab/xoauth2-clients.test.ts.

Each subcommand runs the same app twice, as the course's scenario tells it: first with a password (Basic), then with
an OAuth token (XOAUTH2), and prints what it saw as one JSON object. The token comes from the lab's identity platform
(the test fetched it); a bad token is tried too. The TLS context does not verify the lab's self-signed certificate.
Usage: python3 oauthclients.py <imap|pop3|smtp|tls11> <host> <port> <user> <password> <token> <bad-token> [subject]
"""
import imaplib
import json
import poplib
import smtplib
import ssl
import sys
from email.message import EmailMessage


def context(maximum=None):
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    if maximum is not None:
        ctx.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
        ctx.maximum_version = maximum
        ctx.set_ciphers("DEFAULT@SECLEVEL=0")
    return ctx


def xoauth2(user, token):
    """The SASL XOAUTH2 string before base64 (the libraries encode it), as Microsoft documents it."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01"


def text(value):
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, (list, tuple)):
        return [text(v) for v in value]
    return value


def imap(host, port, user, password, token, bad, subject):
    out = {}
    client = imaplib.IMAP4_SSL(host, port, ssl_context=context())
    out["greeting"] = text(client.welcome)
    out["capabilities"] = list(client.capabilities)
    try:
        client.login(user, password)
        out["login"] = "OK"
    except imaplib.IMAP4.error as e:
        out["login"] = str(e)
    try:
        client.authenticate("XOAUTH2", lambda _: xoauth2(user, bad).encode())
        out["bad_token"] = "OK"
    except imaplib.IMAP4.error as e:
        out["bad_token"] = str(e)
    typ, data = client.authenticate("XOAUTH2", lambda _: xoauth2(user, token).encode())
    out["xoauth2"] = [typ, text(data)]
    client.select("INBOX")
    typ, data = client.search(None, "SUBJECT", f'"{subject}"')
    out["found"] = len(data[0].split()) if data and data[0] else 0
    client.logout()
    return out


def pop3(host, port, user, password, token, bad, _subject):
    out = {}
    client = poplib.POP3_SSL(host, port, context=context())
    out["greeting"] = text(client.getwelcome())
    out["capa"] = sorted(client.capa().keys())
    out["user"] = text(client.user(user))
    try:
        client.pass_(password)
        out["pass"] = "OK"
    except poplib.error_proto as e:
        out["pass"] = text(e.args[0])
    # poplib has no AUTH method: the two steps Microsoft documents, through its own command helper.
    out["auth_bad"] = text(client._shortcmd("AUTH XOAUTH2"))
    try:
        client._shortcmd(xoauth2_b64(user, bad))
        out["bad_token"] = "OK"
    except poplib.error_proto as e:
        out["bad_token"] = text(e.args[0])
    client._shortcmd("AUTH XOAUTH2")
    out["xoauth2"] = text(client._shortcmd(xoauth2_b64(user, token)))
    out["stat"] = list(client.stat())
    client.quit()
    return out


def xoauth2_b64(user, token):
    import base64
    return base64.b64encode(xoauth2(user, token).encode()).decode()


def smtp(host, port, user, password, token, bad, subject):
    out = {}
    client = smtplib.SMTP(host, port, local_hostname="laptop.example.test", timeout=10)
    out["greeting"] = None
    out["ehlo_before_tls"] = client.ehlo()[0]
    out["auth_before_tls"] = client.has_extn("auth")
    out["starttls"] = client.starttls(context=context())[0]
    client.ehlo()
    out["auth"] = client.esmtp_features.get("auth", "").strip()
    try:
        client.login(user, password)
        out["login"] = "OK"
    except smtplib.SMTPAuthenticationError as e:
        out["login"] = [e.smtp_code, text(e.smtp_error)]
    try:
        client.auth("XOAUTH2", lambda challenge=None: xoauth2(user, bad), initial_response_ok=True)
        out["bad_token"] = "OK"
    except smtplib.SMTPAuthenticationError as e:
        out["bad_token"] = [e.smtp_code, text(e.smtp_error)]
    code, _ = client.auth("XOAUTH2", lambda challenge=None: xoauth2(user, token), initial_response_ok=True)
    out["xoauth2"] = code
    msg = EmailMessage()
    msg["From"] = user
    msg["To"] = user
    msg["Subject"] = subject
    msg.set_content("Sent with SMTP AUTH XOAUTH2.\n")
    out["refused"] = client.send_message(msg)
    out["quit"] = client.quit()[0]
    return out


def tls11(host, port, *_):
    """A TLS 1.1 handshake, as an old device makes it: Exchange Online refuses it on POP3 and IMAP4."""
    try:
        with __import__("socket").create_connection((host, port), timeout=10) as raw:
            with context(ssl.TLSVersion.TLSv1_1).wrap_socket(raw) as tls:
                return {"handshake": tls.version()}
    except (ssl.SSLError, OSError) as e:
        return {"handshake": "failed", "error": type(e).__name__}


if __name__ == "__main__":
    command, host, port, *rest = sys.argv[1:]
    args = rest + [""] * (5 - len(rest))
    run = {"imap": imap, "pop3": pop3, "smtp": smtp, "tls11": tls11}[command]
    print(json.dumps(run(host, int(port), *args[:5])))
