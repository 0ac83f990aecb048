#!/usr/bin/env python3
"""Keep-alive load for KeepAliveServer: C connections, R request/response rounds each.

Each round sends one request on every connection, then reads every response, so the server
sees up to C ready fds per epoll_wait, like wrk -cC without pipelining. Bounded: fixed counts,
and every socket has a 10 s timeout.
"""
import socket
import sys

host, port, conns, rounds = "127.0.0.1", int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
REQ = b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
RESP_LEN = len(b"HTTP/1.1 200 OK\r\nContent-Length: 13\r\nContent-Type: text/plain\r\n\r\nHello, World!")
socks = []
for _ in range(conns):
    s = socket.create_connection((host, port), timeout=10)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    socks.append(s)
for _ in range(rounds):
    for s in socks:
        s.sendall(REQ)
    for s in socks:
        got = 0
        while got < RESP_LEN:
            chunk = s.recv(RESP_LEN - got)
            if not chunk:
                sys.exit("server closed early")
            got += len(chunk)
for s in socks:
    s.close()
print(f"requests {conns * rounds}")
