"""A local OpenAI-compatible chat endpoint for tests: subclasses say what the model answers."""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class ChatEndpoint(BaseHTTPRequestHandler):
    requests: list[dict] = []

    def answer(self, body: dict) -> str:
        raise NotImplementedError

    def log_message(self, *args):
        pass

    def do_GET(self):
        self._send({"data": [{"id": "tiny"}]})

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(body)
        self._send({"choices": [{"message": {"role": "assistant", "content": self.answer(body)}}]})

    def _send(self, data):
        raw = json.dumps(data, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)


@contextmanager
def serving(handler: type[ChatEndpoint]):
    """The endpoint's base URL while the block runs."""
    handler.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
