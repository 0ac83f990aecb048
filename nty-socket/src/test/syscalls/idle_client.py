#!/usr/bin/env python3
"""Opens N idle TCP connections spread over L consecutive ports, holds them until told, closes.

Usage: idle_client.py <basePort> <listeners> <connections> <holdSeconds>
Bounded: fixed counts, a 10 s timeout per connect, a fixed hold time.
"""
import socket
import sys
import time

base, listeners, n, hold = (int(a) for a in sys.argv[1:5])
socks = []
for i in range(n):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(10)
    s.connect(("127.0.0.1", base + i % listeners))
    socks.append(s)
print(f"client holds {len(socks)} connections", flush=True)
time.sleep(hold)
for s in socks:
    s.close()
print("client closed all", flush=True)
