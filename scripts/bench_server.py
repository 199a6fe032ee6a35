"""Server benchmarks for scripts/bench: pair 4 (a person GET against a hello-world route in the
same server, with wrk), the flood check (a legitimate client's p99 while another floods) and
pair 5 (peak RSS of `muster serve` with a large register under load)."""
import base64, hashlib, hmac, json, re, statistics, struct, subprocess, threading, time, urllib.request
from pathlib import Path

PASSWORD = "benchmark password only\n"


def totp(secret, at=None):
    """RFC 6238 code (SHA-1, 6 digits, 30 s) for a base32 secret."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    step = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


class Server:
    """`muster serve` on a loopback port with limits raised for load generation."""

    def __init__(self, muster, data, keys, port, extra=()):
        self.muster, self.data, self.keys, self.port = muster, data, keys, port
        self.process = subprocess.Popen(
            [str(muster), "serve", "--data", str(data), "--keys", str(keys), "--listen", f"127.0.0.1:{port}",
             "--benchmark-route", "--max-in-flight", "4096", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            if "listening on" in line:
                break
        threading.Thread(target=lambda: [None for _ in self.process.stdout], daemon=True).start()
        self.base = f"http://127.0.0.1:{port}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)

    def peak_rss_mb(self):
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024

    used_steps = {}

    def login(self, username, secret, forwarded=None):
        # A code is accepted once: wait for the next 30-second step if this one was used.
        if Server.used_steps.get(username) == int(time.time() // 30):
            time.sleep(30 - time.time() % 30 + 0.5)
        Server.used_steps[username] = int(time.time() // 30)
        body = json.dumps({"username": username, "password": PASSWORD.strip(), "code": totp(secret)}).encode()
        request = urllib.request.Request(self.base + "/api/v1/login", data=body, headers={"Content-Type": "application/json"})
        if forwarded:
            request.add_header("X-Forwarded-For", forwarded)
        return json.load(urllib.request.urlopen(request))["token"]


def add_user(muster, data, keys, username):
    """A national admin for the benchmark (re-enrolled if it exists); returns its TOTP secret."""
    where = ["--data", str(data), "--keys", str(keys)]
    added = subprocess.run([str(muster), "user", "add", username, "--role", "national-admin", *where],
                           input=PASSWORD, capture_output=True, text=True)
    if added.returncode == 73:  # left by an earlier run: a new TOTP secret will do
        added = subprocess.run([str(muster), "user", "reset-mfa", username, *where], capture_output=True, text=True, check=True)
    added.check_returncode()
    return re.search(r"secret=([A-Z2-7]+)", added.stdout).group(1)


def wrk(url, token=None, seconds=10, connections=32, headers=()):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    for header in headers:
        command += ["-H", header]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), out


def person_vs_hello(muster, data, keys, number, runs, port=18480):
    """4. requests/s of an authenticated person GET (decrypt + disclosure entry) vs GET /bench/hello."""
    secret = add_user(muster, data, keys, "bench-reader")
    server = Server(muster, data, keys, port, ["--rate", "1000000", "--account-rate", "1000000"])
    try:
        token = server.login("bench-reader", secret)
        person_url = f"{server.base}/api/v1/people/{number}?reason=benchmark"
        urllib.request.urlopen(urllib.request.Request(person_url, headers={"Authorization": f"Bearer {token}"})).read()
        person, hello = [], []
        for _ in range(runs):
            person.append(wrk(person_url, token)[0])
            hello.append(wrk(f"{server.base}/bench/hello")[0])
    finally:
        server.stop()
    return ("authenticated person GET (requests/s): `muster serve` vs a hello-world route in the same server (wrk, 32 connections)",
            person, hello, "ratio ≥ 0.4", lambda m, r: m / r)


def flood_p99(muster, data, keys, number, runs, port=18481):
    """While one client floods (rate-limited), a legitimate client's p99 latency, in ms."""
    flood_secret = add_user(muster, data, keys, "bench-flood")
    legit_secret = add_user(muster, data, keys, "bench-legit")
    server = Server(muster, data, keys, port, ["--trust-forwarded-for"])
    samples = []
    try:
        flood_token = server.login("bench-flood", flood_secret, forwarded="192.0.2.1")
        legit_token = server.login("bench-legit", legit_secret, forwarded="192.0.2.2")
        url = f"{server.base}/api/v1/people/{number}?reason=benchmark"
        for _ in range(runs):
            flood = subprocess.Popen(
                ["wrk", "-t1", "-c64", "-d12s", "-H", f"Authorization: Bearer {flood_token}", "-H", "X-Forwarded-For: 192.0.2.1", url],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1)
            latencies = []
            end = time.time() + 10
            while time.time() < end:  # about 20 requests a second: well inside its own limit
                request = urllib.request.Request(url, headers={"Authorization": f"Bearer {legit_token}", "X-Forwarded-For": "192.0.2.2"})
                start = time.perf_counter()
                urllib.request.urlopen(request).read()
                latencies.append((time.perf_counter() - start) * 1000)
                time.sleep(0.05)
            flood.wait()
            samples.append(statistics.quantiles(latencies, n=100)[98])
    finally:
        server.stop()
    return ("p99 of a legitimate client's person GET while another client floods (ms)",
            samples, [50.0] * len(samples), "below 50 ms (reference = the limit)", lambda m, r: m / r)


def peak_rss(muster, csv, work, runs, port=18482):
    """5. peak RSS of `muster serve` with a large register loaded and under load (MB)."""
    data, keys = work / "rss-data", work / "rss-keys"
    if not (data / "register.sqlite").exists():
        import shutil
        for d in (data, keys):
            shutil.rmtree(d, ignore_errors=True)
        subprocess.run([str(muster), "init", "--data", str(data), "--keys", str(keys)], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([str(muster), "import", str(csv), "--data", str(data), "--keys", str(keys)], check=True, stdout=subprocess.DEVNULL)
    secret = add_user(muster, data, keys, "bench-rss")
    number = csv.open(encoding="utf-8").readlines()[2].split(",")[0]
    samples = []
    for _ in range(runs):
        server = Server(muster, data, keys, port, ["--rate", "1000000", "--account-rate", "1000000"])
        try:
            token = server.login("bench-rss", secret)
            wrk(f"{server.base}/api/v1/people/{number}?reason=benchmark", token, seconds=15, connections=64)
            wrk(f"{server.base}/api/v1/people?limit=100&reason=benchmark", token, seconds=5, connections=16)
            samples.append(server.peak_rss_mb())
        finally:
            server.stop()
    return (f"peak RSS of `muster serve` with {csv.stem.split('-')[-1]} people, under load (MB)",
            samples, [300.0] * len(samples), "below 300 MB (reference = the limit)", lambda m, r: m / r)
