#!/usr/bin/env python3
"""A language server that answers at once and knows nothing: lspprobe's own cost per request.

lspprobe times a request from its send to its parsed answer, on the same two cores as the
server; this server does no work (an empty or constant answer, empty diagnostics right after
each open and change), so its timings are the floor of what any server can show in the same
run: the client's own code, the pipes and the scheduling. bench/run-probe.sh runs it as the
"instant" column. No JIT and no collector: its cost per message is flat from the first.
"""
import json
import sys

IN = sys.stdin.buffer
OUT = sys.stdout.buffer
# a field's hover, about the size of ours
HOVER = {"contents": {"kind": "markdown", "value": "**evt.type** `charbuf`\n\n" + "The event's name. " * 40}}
CAPABILITIES = {
    "textDocumentSync": 2,
    "hoverProvider": True,
    "completionProvider": {"triggerCharacters": ["."]},
    "documentSymbolProvider": True,
    "codeLensProvider": {"resolveProvider": False},
    "semanticTokensProvider": {"legend": {"tokenTypes": ["property"], "tokenModifiers": []}, "full": True},
}


def send(message):
    body = json.dumps(message).encode()
    OUT.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    OUT.flush()


def answer(method):
    if method == "initialize":
        return {"capabilities": CAPABILITIES, "serverInfo": {"name": "instant"}}
    if method == "textDocument/hover":
        return HOVER
    if method == "textDocument/completion":
        return {"isIncomplete": False, "items": []}
    if method in ("textDocument/documentSymbol", "textDocument/codeLens"):
        return []
    if method == "textDocument/semanticTokens/full":
        return {"data": []}
    return None


def main():
    while True:
        length = None
        while True:
            line = IN.readline()
            if not line:
                return
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            continue
        message = json.loads(IN.read(length))
        method = message.get("method")
        if method in ("textDocument/didOpen", "textDocument/didChange"):
            uri = message["params"]["textDocument"]["uri"]
            send({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
                  "params": {"uri": uri, "diagnostics": []}})
        elif method == "exit":
            return
        elif "id" in message and method is not None:
            send({"jsonrpc": "2.0", "id": message["id"], "result": answer(method)})


if __name__ == "__main__":
    main()
